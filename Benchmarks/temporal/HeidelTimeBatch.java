import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;

/**
 * HeidelTime 2.2.1 on many documents in one JVM, for the amortised throughput of
 * Benchmarks/temporal/heideltime_run.py (--mode batch).
 *
 * It does what the jar's own main (HeidelTimeStandalone.main) does for one file (read the file
 * as UTF-8, readConfigFile, construct HeidelTimeStandalone(language, type, TIMEML, config,
 * TREETAGGER, no interval tagger), process(text, dct), println the result), but constructs the
 * tagger once and loops over the documents of a manifest. Each manifest line is
 * {@code INPUT<TAB>YYYY-MM-DD<TAB>OUTPUT}. On stdout: {@code init<TAB>nanoseconds} for the
 * construction, then {@code OUTPUT<TAB>nanoseconds} for each document's process() call.
 *
 * Usage: java -cp heideltime-standalone.jar:CLASSES HeidelTimeBatch CONFIG.props TYPE MANIFEST
 */
public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: HeidelTimeBatch CONFIG.props news|narratives MANIFEST");
            System.exit(2);
        }
        long start = System.nanoTime();
        HeidelTimeStandalone.readConfigFile(args[0]);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.getLanguageFromString("english"), DocumentType.valueOf(args[1].toUpperCase()),
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER, Boolean.FALSE);
        System.out.println("init\t" + (System.nanoTime() - start));
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        try (BufferedReader manifest = Files.newBufferedReader(Paths.get(args[2]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = manifest.readLine()) != null) {
                if (line.isEmpty()) continue;
                String[] fields = line.split("\t");
                String text = new String(Files.readAllBytes(Paths.get(fields[0])), StandardCharsets.UTF_8);
                Date dct = fields[1].isEmpty() ? null : format.parse(fields[1]);
                long before = System.nanoTime();
                String timeml = dct == null ? tagger.process(text) : tagger.process(text, dct);
                long took = System.nanoTime() - before;
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(fields[2]), StandardCharsets.UTF_8))) {
                    out.println(timeml);
                }
                System.out.println(fields[2] + "\t" + took);
                System.out.flush();
            }
        }
    }
}
