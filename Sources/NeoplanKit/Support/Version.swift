/// neoplan's identity.
public enum NeoplanInfo {
  /// The version printed by `neoplan --version` and in reports.
  public static let version = "0.2.0"
}
