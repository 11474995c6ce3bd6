import Foundation

extension ClusterSpec {
  /// Default value of every optional spec key that is not a part id (docs/spec.md lists them),
  /// each with its source or reason. Part-id defaults are in ``DefaultParts``.
  ///
  /// "domain.md" is the project's domain reference (`shared/reference/domain.md`).
  public enum Defaults {
    /// USD: the catalog's prices and the finance defaults are in US dollars.
    public static let currency = "USD"

    /// InfiniBand: NVIDIA's H100/B200 SuperPOD reference architectures use a non-blocking
    /// InfiniBand fat tree for the compute fabric (domain.md §3).
    public static let backendKind = "infiniband"
    /// Rail-optimized fat tree, as in the NVIDIA SuperPOD reference architectures (domain.md §3).
    public static let fabricDesign = FabricDesign.fatTree
    /// Non-blocking (1:1): the NVIDIA reference architectures do not oversubscribe the compute fabric.
    public static let oversubscription = Oversubscription.nonBlocking
    /// 32 nodes per scalable unit: NVIDIA's H100 SuperPOD SU (domain.md §3).
    public static let scalableUnitNodes = 32
    /// 8 racks per scalable unit for rack-scale systems: NVIDIA's GB200/GB300 NVL72 SuperPOD SU
    /// (docs/spec.md).
    public static let scalableUnitRacks = 8
    /// No leaf ports for a fabric manager unless asked (NVIDIA's RA uses 4 for the UFM appliance).
    public static let fabricManagerPorts = 0
    /// One fabric plane; Spectrum-X twin-planar (2) is asked for explicitly.
    public static let planes = 1
    /// Transceivers and fibre on every link, as in NVIDIA's RA.
    public static let cabling = CablingPolicy.optics
    /// Multimode (SR, up to 50 m): the cheaper modules; rows of a pod fit within it.
    public static let optics = OpticsMedia.multimode

    /// Frontend network on: every cluster needs in-band Ethernet for storage and users.
    public static let frontendKind = "ethernet"
    /// 100 Gb/s frontend ports: SemiAnalysis recommends 2 × 100G per node (docs/spec.md).
    public static let frontendPortSpeedGbps = 100
    /// 200 Gb/s on rack-scale systems: their compute trays carry BlueField-3 at 2 × 200G.
    public static let rackScaleFrontendPortSpeedGbps = 200
    /// 2 frontend ports per node (or per compute tray): SemiAnalysis' 2 × 100G per node.
    public static let frontendPortsPerFabricNode = 2
    /// At most 8 frontend ports per node (or per tray): more slots than a server has.
    public static let maxFrontendPortsPerFabricNode = 8

    /// Out-of-band management network on: every BMC, switch and PDU needs one (NVIDIA's RA).
    public static let oob = true
    /// 3 control-plane servers: the smallest odd quorum (etcd, Slurm controllers), as NVIDIA's
    /// Base Command Manager RA runs head nodes.
    public static let managementServers = 3

    /// 40 kW per rack: "up to ~40 kW with special airflow" and NVIDIA's H100 RA puts 4 DGX per
    /// rack at > 40 kW (domain.md §4).
    public static let rackPowerKW = 40.0
    /// Automatic cooling: air, rear-door or liquid by rack power.
    public static let cooling = CoolingChoice.auto
    /// 30 kW: air-cooled racks top out around 25–30 kW (domain.md §4).
    public static let airCoolingLimitKW = 30.0
    /// 1.3: new AI facilities run at ~1.25–1.3 (Uptime Institute 2023–2024; domain.md §4); the
    /// same figure as ``FinanceAssumptions/Defaults/pue``.
    public static let pue = FinanceAssumptions.Defaults.pue

    /// No spare nodes or switches unless asked: the vendor's support contract replaces them.
    public static let nodesSparePercent = 0
    /// No spare switches unless asked (see ``nodesSparePercent``).
    public static let switchesSparePercent = 0
    /// 3 % spare optics: *estimate*, modules and fibres fail or are damaged in installation far
    /// more often than switches; a few percent on the shelf is common practice.
    public static let opticsSparePercent = 3
    /// 3 % spare cables (see ``opticsSparePercent``).
    public static let cablesSparePercent = 3

    /// 30 days: a usual validity for a hardware quote, as prices move month to month.
    public static let quoteValidDays = 30
  }
}

/// Default part ids from the embedded catalog (docs/spec.md lists them).
enum DefaultParts {
  static let infinibandSwitch = "nvidia-qm9700"
  static let ethernetSwitch = "nvidia-sn5600"
  static let infinibandNIC = "nvidia-cx7-400g-osfp-ib"
  static let ethernetNIC = "nvidia-cx7-400g-osfp-eth"
  /// 800G links have single-mode DR optics only in the catalog (twin-port 1.6T at the switch).
  static func switchTransceiver(_ media: OpticsMedia, speed: Int = 400) -> String {
    if speed >= 800 { return "nvidia-osfp-1p6t-2x800g-dr4" }
    return media == .multimode ? "nvidia-osfp-2x400g-sr8" : "nvidia-osfp-2x400g-dr8"
  }
  static func nodeTransceiver(_ media: OpticsMedia, _ form: FormFactor, speed: Int = 400, portsPerCage: Int = 1)
    -> String?
  {
    if form == .osfp && speed >= 800 { return "nvidia-osfp-800g-dr4-flat" }
    if form == .osfp && portsPerCage == 2 && speed == 400 {
      return media == .multimode ? "nvidia-osfp-2x400g-sr8-flat" : "nvidia-osfp-2x400g-dr8"
    }
    switch (form, media) {
    case (.qsfp56, .multimode): return "qsfp56-200g-sr4"
    case (.osfp, .multimode): return "nvidia-osfp-400g-sr4-flat"
    case (.osfp, .singlemode): return "nvidia-osfp-400g-dr4-flat"
    case (.qsfp112, .multimode): return "nvidia-qsfp112-400g-sr4"
    default: return nil
    }
  }
  static func fiber(_ media: OpticsMedia) -> String {
    media == .multimode ? "mpo12-apc-mmf-30m" : "mpo12-apc-smf-100m"
  }
  static let copperCable = "nvidia-acc-osfp-2x400g-5m"
  static func frontend(speed: Int) -> (switchID: String, nic: String, cable: String)? {
    switch speed {
    case 100: return ("nvidia-sn4600c", "nvidia-cx6dx-2x100g", "aoc-qsfp28-100g-10m")
    case 200: return ("nvidia-sn5400", "nvidia-cx7-2x200g-qsfp112", "aoc-qsfp56-200g-10m")
    default: return nil
    }
  }
  static let storageServer = "storage-allflash-node"
  static let storageSoftware = "storage-software-per-pb"
  static let oobSwitch = "nvidia-sn2201"
  static let oobCable = "cat6-3m"
  static let managementServer = "mgmt-server-1u"
  static let rack = "rack-48u"
  static let pdu = "pdu-415v-60a-3ph"
  static let rdhx = "rdhx-active-75kw"
  static let cdu = "cdu-inrow-1200kw"
  static let infinibandSoftware = ["nvidia-ufm-enterprise"]
  static let services = ["install-integration-per-node", "network-install-per-switch"]
}
