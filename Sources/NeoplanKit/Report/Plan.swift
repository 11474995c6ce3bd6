/// The result of planning: the spec, its design, its priced BoM and every warning.
public struct Plan: Sendable {
  /// The validated spec.
  public var spec: ClusterSpec
  /// The sized cluster.
  public var design: ClusterDesign
  /// The priced BoM.
  public var bom: BillOfMaterials
  /// Sizing and pricing warnings.
  public var warnings: [String]

  /// Runs the pipeline spec → design → BoM.
  public static func make(_ spec: ClusterSpec) throws -> Plan {
    let design = try ClusterSizer.size(spec)
    let bom = try Pricer.price(design)
    return Plan(
      spec: spec, design: design, bom: bom, warnings: design.warnings + Pricer.priceWarnings(bom, asOf: spec.asOf))
  }

  /// Loads the catalog and the spec, then plans.
  public static func make(specPath: String, catalogDirectories: [String]) throws -> Plan {
    let catalog = try CatalogLoader.load(extraDirectories: catalogDirectories)
    return try make(try ClusterSpec.load(path: specPath, catalog: catalog))
  }
}
