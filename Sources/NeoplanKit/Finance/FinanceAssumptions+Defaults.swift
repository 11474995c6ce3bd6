extension FinanceAssumptions {
  /// Default values for every finance assumption, each with its source.
  ///
  /// "domain.md" is the project's domain reference (`shared/reference/domain.md`). Values marked
  /// *estimate* have no public source there; they are the engine's best guess and should be
  /// overridden in a spec when better numbers are known.
  public enum Defaults {
    /// 5 years. Cheah ("$2 H100s: How the GPU Bubble Burst", Latent Space, 2024-10) and
    /// SemiAnalysis ("AI Neocloud Playbook and Anatomy", 2024-10) both model ~5 years of useful
    /// life (domain.md §5).
    public static let horizonYears = 5

    /// 85 % in every year. *Estimate*: no public utilization figure in domain.md. SemiAnalysis
    /// (2026-04, "The Great GPU Shortage") reports on-demand capacity sold out, and most neocloud
    /// capacity is sold on reserved contracts; 85 % leaves room for ramp-up, node failures,
    /// maintenance windows and gaps between contracts.
    public static let utilization: [Double] = [0.85]

    /// 2.35 per GPU-hour (USD): the SemiAnalysis 1-year H100 contract index for March 2026,
    /// up from its $1.70 low in October 2025 (SemiAnalysis, 2026-04; domain.md §1).
    public static let marketPricePerGPUHour = 2.35

    /// Linear decline to 50 % of the starting price by the end of the horizon: Cheah's "blended"
    /// price path (Latent Space, 2024-10; domain.md §5).
    public static let pricePath = PricePath.linear(endFraction: 0.5)

    /// 0 months: capex at month 0 and revenue from month 1 (the stated convention); set a lead
    /// time for delivery and installation delays.
    public static let leadTimeMonths = 0

    /// 0.083 per kWh (USD): top of the US average range ~$0.078–0.083/kWh used in SemiAnalysis
    /// examples (domain.md §4).
    public static let electricityPerKWh = 0.083

    /// 1.3: new AI facilities run at ~1.25–1.3 (Uptime Institute surveys 2023–2024; domain.md §4).
    /// Used only when neither the spec nor the facility gives a PUE.
    public static let pue = 1.3

    /// 0.8: SemiAnalysis uses ~80 % of critical IT power as the average load of a working
    /// cluster (domain.md §4). Used as the draw of busy GPUs (``busyDrawFraction``), or as a flat
    /// draw when the spec sets `average_draw`.
    public static let averageDrawFraction = 0.8

    /// 0.8 of maximum IT power when every GPU is busy: SemiAnalysis' average load of a working
    /// cluster (domain.md §4).
    public static let busyDrawFraction = 0.8

    /// 0.3 of maximum IT power when idle. *Estimate*: an idle H100 SXM draws on the order of
    /// 70–100 W of its 700 W, but CPUs, memory, fans, NICs and switches keep drawing; DGX H100
    /// "typical" 6.5–8.5 kW vs 10.2 kW maximum under load (supercluster.blog, 2024). Override
    /// with measured idle power.
    public static let idleDrawFraction = 0.3

    /// 3 years: Supermicro's standard warranty on complete systems is three years parts and
    /// labour (supermicro.com/en/support/warranty; ServeTheHome, 2012-09); maintenance
    /// (post-warranty support) starts after it.
    public static let warrantyYears = 3

    /// No ramp: market utilization applies from the first operating month.
    public static let utilizationRampMonths = 0

    /// Colocation at 184.06 per kW-month (USD): CBRE North America Data Center Trends H2 2024,
    /// primary US markets average ($174–184 range; domain.md §4).
    public static let facilityCost = FacilityCost.colocation(perKWMonth: 184.06)

    /// 3 % of hardware capex per year. *Estimate*: extended OEM support after the usual 3-year
    /// warranty plus replacement parts beyond the spares pool; no public source in domain.md.
    public static let maintenancePercentOfHardwarePerYear = 0.03

    /// 0 FTEs at 200,000 per FTE-year. *Estimate*: staff are shared across clusters and remote
    /// hands are part of colocation; set `fteCount` to attribute operators to this cluster.
    public static let staff = StaffCost(fteCount: 0, costPerFTEYear: 200_000)

    /// 0 per GPU-year. Off by default: licences (e.g. UFM per endpoint, SemiAnalysis; domain.md
    /// §3) depend on the stack; set them explicitly.
    public static let softwarePerGPUYear = 0.0

    /// 0.5 % of hardware capex per year. *Estimate* for property insurance of IT equipment; no
    /// public source in domain.md.
    public static let insurancePercentPerYear = 0.005

    /// 0 per month. Off by default: transit is often bundled in colocation; set it explicitly.
    public static let bandwidthPerMonth = 0.0

    /// 0 % of revenue. Off by default: depends on the sales channel; set it explicitly.
    public static let salesAndOtherPercentOfRevenue = 0.0

    /// 0 %. The all-in capex figures (~$45–52k per H100 incl. install; Cheah, SemiAnalysis;
    /// domain.md §5) put installation in the bill of materials; add a percentage only when the
    /// plan does not price it.
    public static let installationPercent = 0.0

    /// 0 %. Off by default: shipping, duties and sales taxes depend on jurisdiction.
    public static let shippingAndTaxesPercent = 0.0

    /// 0 % when a flat residual is wanted; the default residual is read from ``residualCurve``.
    public static let residualValuePercent = 0.0

    /// Value of GPU hardware after 1…5 years as a fraction of its cost: 62.5 %, 42.5 %, 30 %,
    /// 17.5 %, 12.5 % — the midpoints of the H100 secondary-market ranges of the GPU Lease Rate
    /// Index (60–65 %, 40–45 %, 25–35 %, 15–20 %, 10–15 %; v2-pseo-ai.pages.dev/residual/
    /// h100-depreciation-calculator, 2026-01-08, low authority). Silicon Data also reports H100
    /// values dropping faster after about two years (computeforecast.com, 2026).
    public static let residualCurve = [0.625, 0.425, 0.30, 0.175, 0.125]

    /// 0: all-equity unless the spec sets a debt share.
    public static let debtShare = 0.0

    /// 12 %: CoreWeave's debt facilities cost 7–15 %, weighted ~12 % (2025 10-Q); SemiAnalysis
    /// used 13 % for a "relatively poor" operator (2023) (domain.md §5). A quoted (nominal) rate.
    public static let interestRateAnnual = 0.12

    /// Nominal: loan rates are quoted as annual rates compounded monthly (rate ÷ 12), e.g.
    /// SemiAnalysis' capital charge PMT(13 %/12, 72, 350k) = 7,025.94.
    public static let interestConvention = RateConvention.nominal

    /// Level annuity, the usual term-loan profile (CoreWeave's DDTLs amortize from contract
    /// cash flows; domain.md §6).
    public static let amortization = Amortization.annuity

    /// Capitalised: construction interest is funded by the facility (delayed-draw term loans).
    public static let interestDuringConstruction = InterestDuringConstruction.capitalised

    /// DSCR ≥ 1.0 and LTV ≤ 1.0: the points where operations stop covering debt service and the
    /// loan exceeds its collateral. Set the facility's own covenants (often DSCR 1.2–1.3).
    public static let covenants = Covenants(minDSCR: 1.0, maxLTV: 1.0)

    /// 80 %: US net operating losses arising after 2017 offset at most 80 % of a year's taxable
    /// income (26 U.S.C. §172(a)(2)), matching the 21 % federal rate default.
    public static let lossCarryForwardCap: Double? = 0.8

    /// 18 %: equity is junior to every debt tranche, and CoreWeave's costliest delayed-draw loan
    /// (DDTL 2.0, non-investment-grade customer) was priced at SOFR + 13 % ≈ 17.3 % (domain.md
    /// §6; SOFR ≈ 4.3 % in 2025). *Estimate* built on that floor.
    public static let costOfEquity = 0.18

    /// 48 months: debt matched to contract length; CoreWeave contracts average ~4 years
    /// (domain.md §5).
    public static let debtTermMonths = 48

    /// 21 %: US federal corporate income-tax rate (26 U.S.C. §11(b), since 2018). State taxes
    /// are not included.
    public static let taxRate = 0.21

    /// 5 years: Cheah and SemiAnalysis use ~5 years; CoreWeave depreciates over 6, Nebius over 4
    /// (filings, 2025; domain.md §5).
    public static let depreciationYears = 5

    /// 14.4 %: the pre-tax weighted cost of capital of a GPU project financed 60 % with debt at
    /// 12 % (``interestRateAnnual``) and 40 % with equity at 18 % (``costOfEquity``):
    /// 0.6 × 12 % + 0.4 × 18 % = 14.4 %. 60 % is the low end of the 60–70 % advance rates
    /// lenders give on GPU hardware (GLRI, 2026-01, low authority).
    public static let discountRate = 0.144

    /// No extra targets by default (0 % and the discount rate are always reported).
    public static let extraTargetIRRs: [Double] = []
  }
}
