import Foundation

extension SpecDecoder {
  /// Decodes the required `compute:` section; also returns the `compute.node` value, where
  /// later sections report problems with the node's own parts.
  mutating func decodeCompute(_ root: KeyedMapping<SpecSection>, rootValue: YAMLValue) throws -> (
    ClusterSpec.Compute, YAMLValue
  ) {
    guard let computeMap = try section(root, .compute, as: ComputeKey.self) else {
      throw InputError(
        Diagnostic(
          at: rootValue.location, keyPath: "compute", message: "missing required section",
          expected: "expected compute: {node: <gpu-node id>, nodes: N}"))
    }
    let nodeValue = try computeMap.required(.node, expected: "a gpu-node part id, e.g. hgx-h100-8gpu")
    let nodeID = try nodeValue.string()
    let node = try catalog.part(
      nodeID, kind: catalog[nodeID]?.kind == .rackSystem ? .rackSystem : .gpuNode, at: nodeValue)
    let nodeSpecs = try catalog.specs(of: node, .gpuNode, at: nodeValue.location, keyPath: nodeValue.path)
    let (nodes, countValue) = try nodeCount(computeMap, node: node, nodeSpecs: nodeSpecs)
    let limits = nodeSpecs.rackScale == nil ? SpecLimits.minNodes...SpecLimits.maxNodes : SpecLimits.rackSystems
    guard limits.contains(nodes) else {
      let unit = nodeSpecs.rackScale == nil ? "nodes" : "racks"
      throw countValue.error(
        "\(nodes) \(unit) is outside what neoplan sizes",
        expected:
          "expected \(limits.lowerBound)…\(limits.upperBound) \(unit) (\(limits.lowerBound * nodeSpecs.gpus)…\(limits.upperBound * nodeSpecs.gpus) GPUs)"
      )
    }
    return (ClusterSpec.Compute(node: node, nodeSpecs: nodeSpecs, nodes: nodes), nodeValue)
  }

  /// `compute.nodes`, or `compute.gpus` as whole nodes (one of them), with the value it came from.
  private func nodeCount(_ computeMap: KeyedMapping<ComputeKey>, node: Part, nodeSpecs: GPUNodeSpecs) throws -> (
    Int, YAMLValue
  ) {
    switch (computeMap[.nodes], computeMap[.gpus]) {
    case (let n?, nil):
      return (try n.int(), n)
    case (nil, let g?):
      let gpus = try g.int()
      guard gpus > 0, gpus % nodeSpecs.gpus == 0 else {
        throw g.error(
          "\(gpus) GPUs is not a whole number of \(node.id) nodes",
          expected: "expected a multiple of \(nodeSpecs.gpus)")
      }
      return (gpus / nodeSpecs.gpus, g)
    case (.some, .some(let g)):
      throw g.error("give either nodes or gpus, not both", expected: "expected one of compute.nodes, compute.gpus")
    case (nil, nil):
      throw InputError(
        Diagnostic(
          at: computeMap.owner.location, keyPath: ComputeKey.nodes.path.text, message: "missing required key",
          expected: "expected compute.nodes (or compute.gpus)"))
    }
  }
}
