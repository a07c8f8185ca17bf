import ChanceryTestSupport
import Foundation

/// A workbook as an independent reader sees it: openpyxl 3.1.5 for cell types,
/// formats, links, panes, filters, widths and charts, and Python's own zip and
/// XML parsers for the raw parts (every part must be well-formed XML; string
/// cells decoded the way Excel decodes `_xHHHH_`).
struct XLSXReadback: Decodable {
    struct Properties: Decodable {
        var title: String?
        var creator: String?
        var created: String?
    }

    struct Cell: Decodable {
        /// openpyxl's value: `str()` of numbers and text, ISO 8601 for datetimes.
        var value: String?
        /// The string cell's text as Excel shows it, from the raw XML; nil for non-string cells.
        var text: String?
        /// openpyxl's data_type: `s`, `n`, `d`, `f` ...
        var type: String
        var isDate: Bool
        var format: String
        var bold: Bool
        var link: String?
        /// openpyxl's horizontal alignment (`right`), nil for the default.
        var horizontal: String?
    }

    struct Sheet: Decodable {
        var title: String
        var freeze: String?
        var filter: String?
        var widths: [String: Double]
        var charts: Int
        var maxRow: Int
        /// Cells carrying a formula (`<f>`) in the raw sheet XML.
        var formulas: Int
        var rows: [[Cell]]

        /// The header row's values.
        var header: [String?] { rows.first?.map(\.value) ?? [] }

        /// The cell under `column` in 1-based data row `row`.
        func cell(_ column: String, row: Int) -> Cell? {
            guard let index = header.firstIndex(of: column), rows.indices.contains(row) else { return nil }
            return rows[row][index]
        }
    }

    var parts: [String]
    var properties: Properties
    var sheets: [Sheet]
    /// Raw XML of each chart part, by part name.
    var chartXML: [String: String]
    /// Whether the workbook has a shared-string table (libxlsxwriter writes none in constant-memory mode).
    var sharedStrings: Bool

    func sheet(_ title: String) -> Sheet? { sheets.first { $0.title == title } }

    /// Reads the workbook at `url`, at most `rows` rows per sheet.
    static func read(_ url: URL, rows: Int = 60) throws -> XLSXReadback {
        let json = try TestPython.run(script, [url.path, String(rows)])
        return try JSONDecoder().decode(XLSXReadback.self, from: Data(json.utf8))
    }

    /// A big sheet read in streaming mode: rows (header included), column widths, autofilter,
    /// frozen pane, whether the first data row's cells are dates, and whether there is a shared-string table.
    struct Streamed: Decodable {
        var rows: Int
        var widths: [String: Double]
        var filter: String?
        var pane: String?
        var firstRowDates: [Bool]
        var sharedStrings: Bool
    }

    static func streamed(_ url: URL, sheet: String) throws -> Streamed {
        let output = try TestPython.run(#"""
            import json, re, sys, zipfile
            import openpyxl
            from openpyxl.utils import get_column_letter

            wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
            ws = wb[sys.argv[2]]
            rows, first = 0, []
            for row in ws.iter_rows():
                rows += 1
                if rows == 2:
                    first = [bool(c.is_date) for c in row]
            index = wb.sheetnames.index(sys.argv[2]) + 1
            wb.close()
            archive = zipfile.ZipFile(sys.argv[1])
            xml = archive.read(f'xl/worksheets/sheet{index}.xml').decode('utf-8')
            head, tail = xml[:8192], xml[-8192:]
            widths = {get_column_letter(int(m.group(1))): float(m.group(2))
                      for m in re.finditer(r'<col min="(\d+)" max="\d+" width="([0-9.]+)"', head)}
            fltr = re.search(r'<autoFilter ref="([^"]+)"', tail)
            pane = re.search(r'<pane [^>]*topLeftCell="([^"]+)"[^>]*state="frozen"', head)
            print(json.dumps({'rows': rows, 'widths': widths, 'filter': fltr.group(1) if fltr else None,
                              'pane': pane.group(1) if pane else None, 'firstRowDates': first,
                              'sharedStrings': 'xl/sharedStrings.xml' in archive.namelist()}))
            """#, [url.path, sheet])
        return try JSONDecoder().decode(Streamed.self, from: Data(output.utf8))
    }

    static let script = #"""
        import datetime, json, re, sys, zipfile
        import xml.etree.ElementTree as ET
        import openpyxl

        path, limit = sys.argv[1], int(sys.argv[2])
        M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
        ESCAPE = re.compile('_x([0-9A-Fa-f]{4})_')

        def excel(text):
            return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)

        archive = zipfile.ZipFile(path)
        names = archive.namelist()
        for name in names:
            if name.endswith('.xml') or name.endswith('.rels'):
                ET.fromstring(archive.read(name))  # raises on a part that is not well-formed

        shared = []
        if 'xl/sharedStrings.xml' in names:
            for si in ET.fromstring(archive.read('xl/sharedStrings.xml')).iter(M + 'si'):
                shared.append(''.join(t.text or '' for t in si.iter(M + 't')))

        wb = openpyxl.load_workbook(path)
        props = wb.properties
        out = {
            'parts': sorted(names),
            'properties': {'title': props.title, 'creator': props.creator,
                           'created': props.created.isoformat() if props.created else None},
            'sheets': [],
            'chartXML': {n: archive.read(n).decode('utf-8') for n in names if n.startswith('xl/charts/chart')},
            'sharedStrings': 'xl/sharedStrings.xml' in names,
        }
        for index, ws in enumerate(wb.worksheets, 1):
            root = ET.fromstring(archive.read(f'xl/worksheets/sheet{index}.xml'))
            raw, formulas = {}, 0
            for c in root.iter(M + 'c'):
                if c.find(M + 'f') is not None:
                    formulas += 1
                kind = c.get('t')
                if kind == 's':
                    raw[c.get('r')] = excel(shared[int(c.find(M + 'v').text)])
                elif kind == 'inlineStr':
                    raw[c.get('r')] = excel(''.join(t.text or '' for t in c.iter(M + 't')))
            rows = []
            for row in ws.iter_rows(max_row=min(ws.max_row, limit)):
                cells = []
                for c in row:
                    value = c.value
                    if isinstance(value, datetime.datetime):
                        value = value.isoformat()
                    elif value is not None:
                        value = str(value)
                    cells.append({'value': value, 'text': raw.get(c.coordinate), 'type': c.data_type,
                                  'isDate': bool(c.is_date), 'format': c.number_format, 'bold': bool(c.font.b),
                                  'link': c.hyperlink.target if c.hyperlink else None,
                                  'horizontal': c.alignment.horizontal})
                rows.append(cells)
            out['sheets'].append({
                'title': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
                'widths': {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
                'charts': len(ws._charts), 'maxRow': ws.max_row, 'formulas': formulas, 'rows': rows,
            })
        print(json.dumps(out))
        """#
}
