// Chancery is for Linux with glibc only: it calls Glibc.read, Glibc.write and glibc's malloc_trim and
// open_memstream, reads stat's st_mtim and /proc/self/status, and finds libxlsxwriter through pkg-config
// (Debian's libxlsxwriter-dev). Documentation/Dependencies.md ("Platform") says what a port would take.
// Every other module imports this one, so the check here stops a build for another platform at its first module.
#if !(os(Linux) && canImport(Glibc))
#error("Chancery builds on Linux with glibc only; see Documentation/Dependencies.md (Platform)")
#endif
