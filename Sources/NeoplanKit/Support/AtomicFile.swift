import Foundation

/// Writes output files so a failed or killed run never leaves partial output and never damages
/// what was there: a temporary file beside the target, written and `fsync`ed, then renamed over
/// the target, then the folder `fsync`ed. A symbolic link is followed (its target is replaced,
/// not the link). A character device or FIFO (`/dev/null`, a named pipe) is written directly:
/// it cannot be replaced, only written to; a FIFO without a reader is refused rather than waited
/// on. Temporary files left by a killed run (`.NAME.neoplan-PID.tmp` of a process that no longer
/// exists) are removed on the next write to the same folder.
public enum AtomicFile {
  /// Writes `contents` to `path`.
  public static func write(_ contents: String, to path: String) throws {
    let staged = try stage(contents, to: path)
    try staged.commit()
  }

  /// Writes `contents` beside `path` without replacing it yet: ``Staged/commit()`` renames it
  /// into place, ``Staged/discard()`` removes it. Lets a command write all its outputs or none.
  public static func stage(_ contents: String, to path: String) throws -> Staged {
    let target = resolvedTarget(path)
    var info = stat()
    if stat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      switch info.st_mode & S_IFMT {
      case S_IFCHR, S_IFIFO: return Staged(path: path, target: target, temporary: nil, direct: Data(contents.utf8))
      default: throw failure(path, "it is a folder or another file that is not a regular file")
      }
    }
    let folder = PathName.folder(of: target)
    let name = (target as NSString).lastPathComponent
    removeStaleTemporaries(in: folder, name: name)
    let temporary = PathName.join(
      folder,
      ".\(name).neoplan-\(ProcessInfo.processInfo.processIdentifier).tmp")
    unlink(temporary)
    let mode: mode_t = stat(target, &info) == 0 ? info.st_mode & 0o777 : 0o644
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
    let ok = writeAll(contents, to: descriptor) && fsync(descriptor) == 0
    let error = errno
    close(descriptor)
    guard ok else {
      unlink(temporary)
      throw failure(path, String(cString: strerror(error)))
    }
    return Staged(path: path, target: target, temporary: temporary, direct: nil)
  }

  /// An output written beside its target, waiting to be renamed into place.
  public struct Staged {
    let path: String
    let target: String
    let temporary: String?
    let direct: Data?

    /// Renames the staged file over the target (POSIX rename is atomic) and syncs the folder;
    /// for a device or FIFO, writes the contents to it.
    public func commit() throws {
      if let direct {
        let descriptor = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
          throw AtomicFile.failure(
            path, errno == ENXIO ? "a named pipe with no reader" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard AtomicFile.writeAll(direct, to: descriptor) else {
          throw AtomicFile.failure(path, String(cString: strerror(errno)))
        }
        return
      }
      guard let temporary else { return }
      guard rename(temporary, target) == 0 else {
        let error = errno
        unlink(temporary)
        throw AtomicFile.failure(path, String(cString: strerror(error)))
      }
      let directory = open(PathName.folder(of: target), O_RDONLY | O_CLOEXEC)
      if directory >= 0 {
        fsync(directory)
        close(directory)
      }
    }

    /// Removes the staged file; the target is untouched.
    public func discard() {
      if let temporary { unlink(temporary) }
    }
  }

  /// The file a path finally names: symbolic links followed (also a dangling one, whose target
  /// is then created), at most 40 deep.
  static func resolvedTarget(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      guard let destination = PathName.symbolicLinkDestination(current) else { return current }
      current =
        destination.hasPrefix("/")
        ? destination
        : PathName.join(PathName.folder(of: current), destination)
    }
    return current
  }

  /// Removes `.NAME.neoplan-PID.tmp` (and `.tmp.pdf`) files in `folder` whose process is gone.
  static func removeStaleTemporaries(in folder: String, name: String) {
    let own = ProcessInfo.processInfo.processIdentifier
    for (entry, pid) in temporaries(in: folder, name: name) where pid != own {
      if kill(pid, 0) != 0, errno == ESRCH {
        unlink(PathName.join(folder, entry))
      }
    }
  }

  /// The entries of `folder` named `.NAME.neoplan-PID.tmp` or `.NAME.neoplan-PID.tmp.pdf`, with
  /// their PID. Read with `readdir` and matched on the name's bytes: FileManager turned every
  /// entry of the folder into a String first, which costs millions of instructions in a folder
  /// such as /tmp.
  static func temporaries(in folder: String, name: String) -> [(name: String, pid: Int32)] {
    let prefix = Array(".\(name).neoplan-".utf8CString)  // NUL-terminated
    let prefixLength = prefix.count - 1
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var found: [(name: String, pid: Int32)] = []
    while let entry = readdir(directory) {
      // The entry's name read in place (NUL-terminated), compared with strncmp, which stops at
      // its end: most entries differ in the first byte.
      let match = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field -> (String, Int32)? in
        let entryName = UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self)
        guard strncmp(entryName, prefix, prefixLength) == 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(start: entryName, count: strlen(entryName))
        guard let pid = temporaryPID(bytes.dropFirst(prefixLength)) else { return nil }
        return (String(decoding: bytes, as: UTF8.self), pid)
      }
      if let match { found.append(match) }
    }
    return found
  }

  /// The PID of a temporary name's tail `PID.tmp` or `PID.tmp.pdf` (ASCII digits), else `nil`.
  static func temporaryPID<Bytes: Collection<UInt8>>(_ tail: Bytes) -> Int32? {
    let digits = tail.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    let suffix = tail.dropFirst(digits.count)
    guard suffix.elementsEqual(".tmp".utf8) || suffix.elementsEqual(".tmp.pdf".utf8) else { return nil }
    return Int32(String(decoding: digits, as: UTF8.self))
  }

  /// Writes the UTF-8 bytes of `text` from the string's own storage (no copy into `Data`).
  static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    var text = text
    return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
  }

  static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { writeAll($0, to: descriptor) }
  }

  static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    guard let base = buffer.baseAddress else { return true }
    var offset = 0
    while offset < buffer.count {
      let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  static func failure(_ path: String, _ reason: String) -> InputError {
    InputError(
      Diagnostic(
        at: nil, file: path, keyPath: "", message: "cannot write the output file (\(reason))",
        expected: "expected a writable path in an existing folder"))
  }
}
