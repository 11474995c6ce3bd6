#if os(Linux)
  import Glibc

  /// glibc's `__nss_configure_lookup` (nss.h): sets the services one NSS database uses, in place
  /// of /etc/nsswitch.conf's line.
  @_silgen_name("__nss_configure_lookup")
  private func nssConfigureLookup(_ database: UnsafePointer<CChar>, _ services: UnsafePointer<CChar>) -> Int32
#endif

/// User, group and host lookups kept inside the C library.
///
/// The release `neoplan` is one static executable (Package.swift). Its glibc still loads NSS
/// modules such as `libnss_systemd` from the system's shared glibc when /etc/nsswitch.conf names
/// them, and that crashed (SIGSEGV): Foundation looks a user up to expand a path `~name/…`, also
/// inside `FileManager` when reading such a path fails. neoplan itself never asks for a user
/// (`StaticLinkTests`), but it cannot stop Foundation from asking, so the lookups are confined to
/// the services built into glibc (the `files` databases and DNS), which a static binary runs
/// without loading anything. A `~name` path is then expanded only for a user of /etc/passwd, as
/// before for most systems, and never crashes. `scripts/check-static-binary` checks the release binary.
public enum NameLookup {
  /// Confines the passwd, group and hosts databases to glibc's built-in services. Call once, at
  /// start, before any file is touched.
  public static func confineToBuiltInServices() {
    #if os(Linux)
      for (database, services) in [("passwd", "files"), ("group", "files"), ("hosts", "files dns")] {
        _ = nssConfigureLookup(database, services)
      }
    #endif
  }
}
