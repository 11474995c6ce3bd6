import Foundation

/// A program neoplan needs for an optional step (Chromium for `--pdf`) is missing. Exit 1 with
/// installation advice; not a bug and not bad input.
public struct ToolUnavailable: Error, Sendable, CustomStringConvertible {
  /// What is missing and how to install it.
  public var message: String
  /// Creates the error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

/// Prints an HTML file to PDF through headless Chromium, when it is installed.
public enum PDFPrinter {
  /// Browser executables tried, in order, on the `PATH`.
  public static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

  /// The first browser found on `PATH`, if any.
  public static func findBrowser() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in browsers {
      for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  /// Prints the HTML text `html` to `pdfPath` (written atomically), from a copy in a private
  /// temporary folder, so a failed print leaves no HTML behind either.
  public static func print(html: String, to pdfPath: String) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("neoplan-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("quote.html")
    try Data(html.utf8).write(to: source)
    try print(htmlPath: source.path, to: pdfPath)
  }

  /// Prints `htmlPath` to `pdfPath` (written atomically). Throws `InternalError` with install
  /// instructions when no browser is found, or when the browser writes nothing.
  public static func print(htmlPath: String, to pdfPath: String) throws {
    let folder = PathName.folder(of: pdfPath)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
      FileManager.default.isWritableFile(atPath: folder)
    else {
      throw InputError(
        Diagnostic(
          at: nil, file: pdfPath, keyPath: "", message: "cannot write the PDF there",
          expected: "a path in an existing, writable folder"))
    }
    guard let browser = findBrowser() else {
      throw ToolUnavailable(
        "--pdf needs headless Chromium, which is not installed. Install it (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`; the CJK fonts are needed for --lang zh-CN) and run again. Nothing was written."
      )
    }
    let html = URL(fileURLWithPath: PathName.absolute(htmlPath)).standardizedFileURL
    let target = URL(fileURLWithPath: PathName.absolute(pdfPath))
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(target.lastPathComponent).neoplan-\(ProcessInfo.processInfo.processIdentifier).tmp.pdf")
    try? FileManager.default.removeItem(at: temporary)
    // Headless Chromium occasionally hangs: each attempt has a time limit, and there are three.
    var status: Int32 = -1
    for _ in 0..<3 {
      try? FileManager.default.removeItem(at: temporary)
      // A fresh profile: two Chromiums sharing one can wait on each other forever.
      let profile = FileManager.default.temporaryDirectory
        .appendingPathComponent("neoplan-chromium-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: profile) }
      status = try run(
        browser,
        arguments: [
          "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
          "--run-all-compositor-stages-before-draw", "--user-data-dir=\(profile.path)",
          "--print-to-pdf=\(temporary.path)", html.absoluteString,
        ], timeoutSeconds: 120)
      if PathName.fileSize(temporary.path) > 0 { break }
    }
    guard PathName.fileSize(temporary.path) > 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw ToolUnavailable("\(browser) wrote no PDF for \(htmlPath) after three attempts (last exit status \(status))")
    }
    guard rename(temporary.path, target.path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw InternalError("cannot move the PDF to \(pdfPath)")
    }
  }

  /// Runs `executable` and waits at most `timeoutSeconds`; a process still running then is
  /// terminated. Returns the exit status (-1 after a timeout).
  static func run(_ executable: String, arguments: [String], timeoutSeconds: Double) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PathName.absolute(executable))
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var waited = 0.0
    while process.isRunning && waited < timeoutSeconds {
      Thread.sleep(forTimeInterval: 0.1)
      waited += 0.1
    }
    if process.isRunning {
      process.terminate()
      Thread.sleep(forTimeInterval: 2)
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      return -1
    }
    return process.terminationStatus
  }
}
