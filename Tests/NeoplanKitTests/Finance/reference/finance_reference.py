#!/usr/bin/env python3
"""Independent reference numbers for the neoplan finance tests and docs/finance.md.

Re-run:  pip install numpy-financial scipy && python3 finance_reference.py

This is a second implementation of the conventions in docs/finance.md, written from the
conventions (not from the Swift code), using numpy-financial for pmt/npv/irr and scipy's brentq
for every root. The Swift tests compare against the numbers printed here; each expected value in
the tests carries a comment naming the line of this script that produced it.
"""
import numpy as np
import numpy_financial as npf
from scipy.optimize import brentq

HOURS = 730.0


def monthly(annual):
    return (1 + annual) ** (1 / 12) - 1


def annual(monthly_rate):
    return (1 + monthly_rate) ** 12 - 1


def npv(annual_rate, flows):
    # numpy-financial's npv: the first flow is at t = 0 and is not discounted.
    return npf.npv(monthly(annual_rate), flows)


def irr_brentq(flows, lo=-0.5, hi=1.0):
    """Monthly IRR by brentq on an explicit bracket (tolerance 1e-14)."""
    f = lambda r: npf.npv(r, flows)
    return brentq(f, lo, hi, xtol=1e-14, rtol=1e-15, maxiter=500)


# ---------------------------------------------------------------------------
# The cash-flow model, written from the conventions in docs/finance.md.
# ---------------------------------------------------------------------------
DEFAULTS = dict(
    years=5, util=[0.85], price=2.35, path=("linear", 0.5), contract=None, contracts=None,
    ramp=0, lead=0, kwh=0.083, pue=1.3, draw=None, idle=0.3, busy=0.8, warranty=3,
    facility=("colo", 184.06), maint=0.03, ftes=0.0, fte_cost=200000.0, software=0.0,
    subs=(), insurance=0.005, bandwidth=0.0, sales=0.0, install=0.0, shipping=0.0,
    residual=None, curve=[0.625, 0.425, 0.30, 0.175, 0.125], debt=0.0, sizing=None,
    interest=0.12, conv="nominal", term=48, amort="annuity", idc="capitalised",
    min_dscr=1.0, max_ltv=1.0, tax=0.21, cap=0.8, dep_years=5, disc=0.144, coe=0.18,
    fee=0.0, reserve_months=0,
)


def price_multiplier(path, k, M):
    kind = path[0]
    y = (k - 1) // 12
    if kind == "none":
        return 1.0
    if kind == "linear":
        e = path[1]
        return 1.0 if M == 1 else 1 - (1 - e) * (k - 1) / (M - 1)
    if kind == "decline":
        return (1 - path[1]) ** y
    if kind == "peryear":
        lst = path[1]
        return lst[min(y, len(lst) - 1)]
    raise ValueError(kind)


def stmt_year(t, L):
    """Statement / tax year of timeline month t: 0 = the build (0..L), then operating years."""
    return 0 if t <= L else (t - L - 1) // 12 + 1


def carry_forward_tax_monthly(taxable, rate):
    """The former convention (tax month by month), kept to show what annual tax changes."""
    pool, out = 0.0, []
    for x in taxable:
        if x <= 0:
            pool += -x
            out.append(0.0)
        else:
            use = min(pool, x)
            pool -= use
            out.append(rate * (x - use))
    return np.array(out)


def annual_tax(taxable, L, rate, cap):
    """Tax per statement year, losses carried forward (use capped at cap x profit), paid in
    the year's last month (L + 12 y)."""
    n = len(taxable)
    years = stmt_year(n - 1, L) + 1
    inc = [0.0] * years
    for t, x in enumerate(taxable):
        inc[stmt_year(t, L)] += x
    pool, out, detail = 0.0, np.zeros(n), []
    for y, x in enumerate(inc):
        used, tax = 0.0, 0.0
        if x <= 0:
            pool += -x
        else:
            used = min(pool, (1.0 if cap is None else cap) * x)
            pool -= used
            tax = rate * (x - used)
        out[min(n - 1, L + 12 * y)] += tax
        detail.append((x, used, pool, tax))
    return out, detail


def curve_value(curve, years):
    if years <= 0:
        return 1.0
    w = int(np.floor(years))
    if w >= len(curve):
        return curve[-1]
    before = 1.0 if w == 0 else curve[w - 1]
    return before + (curve[w] - before) * (years - w)


def loan(amount, cap, i, term, L, amort, idc, cfads):
    """Draw pro rata to capex; build interest capitalised or paid; repay from L+1."""
    n = len(cap)
    draw = amount * cap / cap.sum()
    interest = np.zeros(n); paid = np.zeros(n); capd = np.zeros(n)
    principal = np.zeros(n); balloon = np.zeros(n); bal = np.zeros(n)
    b = 0.0
    for t in range(0, L + 1):
        interest[t] = b * i
        if idc == "capitalised":
            capd[t] = interest[t]
        else:
            paid[t] = interest[t]
        b += draw[t] + capd[t]
        bal[t] = b
    B = b
    last = min(n - 1, L + term)
    pay = -npf.pmt(i, term, B) if B > 0 else 0.0
    pos = np.maximum(cfads, 0)
    pv = sum(pos[t] / (1 + i) ** (t - L) for t in range(L + 1, last + 1))
    for t in range(L + 1, n):
        interest[t] = b * i
        paid[t] = interest[t]
        r = 0.0
        if t <= last:
            if amort == "annuity":
                r = pay - interest[t]
            elif amort == "straight":
                r = B / term
            else:
                r = B * pos[t] / pv - interest[t]
            if t - L == term:
                r = b
        if t == n - 1 and b - r > 0:
            balloon[t] = b - r
            r = b
        principal[t] = r
        b -= r
        bal[t] = b
    return dict(draw=draw, interest=interest, paid=paid, capd=capd, principal=principal,
                balloon=balloon, bal=bal, pay=pay, B=B)


def model(inp, **over):
    a = dict(DEFAULTS)
    a.update(over)
    gpus, nodes, kw = inp["gpus"], inp["nodes"], inp["kw"]
    hw = inp["hardware"] + inp.get("spares", 0.0)           # base for % of hardware
    capex = hw * (1 + a["install"] + a["shipping"])
    L, M = a["lead"], 12 * a["years"]
    T = L + M
    n = T + 1
    contracts = list(a["contracts"] or ([] if a["contract"] is None else [a["contract"]]))
    contracts = [tuple(c) + (0.0,) * (4 - len(c)) for c in contracts]  # share, price, term, prepay
    cap = np.zeros(n)
    if L == 0:
        cap[0] = capex
    else:
        cap[:L] = capex / L
    rev = np.zeros(n); opex = np.zeros(n); dep = np.zeros(n); resid = np.zeros(n)
    gain = np.zeros(n); price = np.zeros(n); elec = np.zeros(n)
    tranche = np.zeros((len(contracts) + 1, n))
    D = 12 * a["dep_years"]
    acc = 0.0
    for k in range(1, M + 1):
        t = L + k
        p = a["price"] * price_multiplier(a["path"], k, M)
        price[t] = p
        u = a["util"][0] if len(a["util"]) == 1 else a["util"][(k - 1) // 12]
        if a["ramp"] > 0:
            u *= min(1.0, k / a["ramp"])
        active = 0.0
        for j, c in enumerate(contracts):
            if k <= (c[2] if c[2] is not None else M):
                active += c[0]
                tranche[j, t] = gpus * HOURS * c[0] * c[1]
        tranche[-1, t] = gpus * HOURS * (1 - active) * u * p
        rev[t] = tranche[:, t].sum()
        busy = active + (1 - active) * u
        if a["facility"][0] == "colo":
            d = a["draw"] if a["draw"] is not None else a["idle"] + (a["busy"] - a["idle"]) * busy
            elec[t] = kw * d * a["pue"] * HOURS * a["kwh"]
            fac = kw * a["facility"][1]
        else:
            fac = nodes * a["facility"][1]
        maint = a["maint"] * hw / 12 if k > 12 * a["warranty"] else 0.0
        subs = sum(amt for amt, yrs in a["subs"] if (k - 1) % (12 * yrs) == 0)
        opex[t] = (elec[t] + fac + maint + a["ftes"] * a["fte_cost"] / 12
                   + a["software"] * gpus / 12 + subs + a["insurance"] * hw / 12 + a["bandwidth"]
                   + a["sales"] * rev[t])
        if k <= D:
            dep[t] = capex / D
            acc += capex / D
    rfrac = a["residual"] if a["residual"] is not None else curve_value(a["curve"], a["years"])
    resid[T] = rfrac * hw
    gain[T] = resid[T] - (capex - acc)
    pre_recv = np.zeros(n); pre_appl = np.zeros(n)
    for j, c in enumerate(contracts):
        # paid at signing, spent on the build: received pro rata to the capex
        pre_recv += c[3] * tranche[j].sum() * cap / cap.sum()
        pre_appl += c[3] * tranche[j]
    pre = rev - pre_appl + pre_recv - opex - cap + resid
    op_income = rev - opex - dep + gain
    tax_u, detail_u = annual_tax(op_income, L, a["tax"], a["cap"])
    cfads = np.array([0.0 if t <= L else rev[t] - pre_appl[t] - opex[t] - tax_u[t] for t in range(n)])
    i = a["interest"] / 12 if a["conv"] == "nominal" else monthly(a["interest"])
    sizing = a["sizing"] or ("share", a["debt"])
    fundable = capex - pre_recv.sum()          # debt funds the capex not prepaid
    if sizing[0] == "share":
        amount = min(fundable, sizing[1] * capex)
    elif sizing[0] == "advance":
        amount = min(fundable, sizing[1] * hw)
    else:
        unit = loan(1.0, cap, i, a["term"], L, a["amort"], a["idc"], cfads)
        ds = unit["paid"] + unit["principal"] - unit["balloon"]
        amount = fundable
        for y in range(1, stmt_year(T, L) + 1):
            idx = [t for t in range(n) if stmt_year(t, L) == y]
            if ds[idx].sum() > 0:
                amount = min(amount, cfads[idx].sum() / (sizing[1] * ds[idx].sum()))
        amount = max(0.0, amount)
    debt = loan(amount, cap, i, a["term"], L, a["amort"], a["idc"], cfads) if amount > 0 else None
    z = np.zeros(n)
    draw = debt["draw"] if debt else z
    interest = debt["interest"] if debt else z
    paid = debt["paid"] if debt else z
    principal = debt["principal"] if debt else z
    # Arrangement fee at month 0 (tax-deductible in year 0); a reserve of N months of the first
    # scheduled debt service, funded by equity at month L and released at the last repayment.
    fees = np.zeros(n); reserve = np.zeros(n)
    if debt:
        fees[0] = a["fee"] * amount
        if a["reserve_months"] > 0:
            first = debt["paid"][L + 1] + debt["principal"][L + 1] - debt["balloon"][L + 1]
            reserve[L] += a["reserve_months"] * first
            reserve[min(n - 1, L + a["term"])] -= a["reserve_months"] * first
    tax_l, detail_l = annual_tax(op_income - interest - fees, L, a["tax"], a["cap"])
    after = pre - tax_u
    equity = pre - tax_l + draw - paid - principal - fees - reserve
    return dict(a=a, capex=capex, pre=pre, after=after, equity=equity, rev=rev, opex=opex,
                elec=elec, price=price, dep=dep, resid=resid, cap=cap, L=L, T=T, hw=hw,
                interest=interest, paid=paid, principal=principal, draw=draw, debt=debt,
                pay=(debt["pay"] if debt else 0.0), B=amount, tax_u=tax_u, tax_l=tax_l,
                detail_u=detail_u, detail_l=detail_l, cfads=cfads, tranche=tranche,
                pre_recv=pre_recv, pre_appl=pre_appl, gain=gain, i=i, fees=fees, reserve=reserve)


def statements(m):
    """Annual sums of the monthly model (year 0 = the build)."""
    L, n = m["L"], len(m["pre"])
    rows = []
    debt = m["debt"]
    for y in range(stmt_year(n - 1, L) + 1):
        idx = [t for t in range(n) if stmt_year(t, L) == y]
        ds = 0.0
        if debt:
            ds = (debt["paid"][idx] + debt["principal"][idx] - debt["balloon"][idx]).sum()
        cf = m["cfads"][idx].sum()
        rows.append(dict(year=y, revenue=m["rev"][idx].sum(), opex=m["opex"][idx].sum(),
                         interest=m["interest"][idx].sum(), tax=m["tax_l"][idx].sum(),
                         equity=m["equity"][idx].sum(), cfads=cf, ds=ds,
                         dscr=(cf / ds if y >= 1 and ds > 0 else None)))
    return rows


def pv_at(inp, rate, **over):
    return npv(rate, model(inp, **over)["pre"])


def cost_per_gpu_hour(inp, **over):
    over = dict(over); over.update(path=("none",), util=[1.0], contract=None)
    disc = {**DEFAULTS, **over}["disc"]
    return brentq(lambda p: pv_at(inp, disc, **{**over, "price": p}), -100, 1000, xtol=1e-13)


def break_even_start(inp, target, **over):
    return brentq(lambda p: pv_at(inp, target, **{**over, "price": p}), -100, 1000, xtol=1e-13)


def break_even_util(inp, **over):
    disc = {**DEFAULTS, **over}["disc"]
    f = lambda u: pv_at(inp, disc, **{**over, "util": [u]})
    if f(0) >= 0:
        return 0.0
    if f(1) < 0:
        return None
    return brentq(f, 0, 1, xtol=1e-14)


def all_irrs(flows):
    """Every monthly IRR in (-0.99, 1.0]: real roots y > 0 of sum c_t y^(T-t) (np.roots on the
    flows as polynomial coefficients, y = 1 + r), each polished with brentq. Independent of the
    grid scan used by the Swift code."""
    flows = np.trim_zeros(np.asarray(flows, dtype=float), "f")
    out = []
    for y in np.roots(flows):
        if abs(y.imag) < 1e-6 and 0.01 <= y.real <= 2.0:
            r = y.real - 1
            f = lambda x: npf.npv(x, flows)
            lo, hi = r - 1e-4, r + 1e-4
            if f(lo) * f(hi) < 0:
                r = brentq(f, lo, hi, xtol=1e-15)
            out.append(r)
    return sorted(out)


def show(label, value):
    print(f"{label} = {value!r}")


def describe(name, inp, **over):
    print(f"\n## scenario {name}")
    m = model(inp, **over)
    a = m["a"]
    show(f"{name}.capexTotal", m["capex"])
    L = a["lead"]
    show(f"{name}.electricity[firstOperatingMonth]", m["elec"][L + 1])
    show(f"{name}.opex[firstOperatingMonth]", m["opex"][L + 1])
    show(f"{name}.revenue[firstOperatingMonth]", m["rev"][L + 1])
    show(f"{name}.revenue[lastMonth]", m["rev"][-1])
    show(f"{name}.totalRevenue", m["rev"].sum())
    show(f"{name}.totalOpex", m["opex"].sum())
    show(f"{name}.pre[0]", m["pre"][0])
    show(f"{name}.pre[1]", m["pre"][1])
    show(f"{name}.pre[last]", m["pre"][-1])
    show(f"{name}.sumPre", m["pre"].sum())
    show(f"{name}.npvPreTax", npv(a["disc"], m["pre"]))
    show(f"{name}.npvAfterTax", npv(a["disc"], m["after"]))
    show(f"{name}.npvEquity", npv(a["disc"], m["equity"]))
    show(f"{name}.totalTaxUnlevered", m["tax_u"].sum())
    show(f"{name}.totalTaxLevered", m["tax_l"].sum())
    for series in ("pre", "after", "equity"):
        f = m[series]
        signs = np.sign(f[f != 0])
        changes = int((signs[1:] != signs[:-1]).sum())
        show(f"{name}.{series}.signChanges", changes)
        if changes == 0:
            show(f"{name}.{series}.irr", None)
            continue
        try:
            r = irr_brentq(f)
            show(f"{name}.{series}.irrMonthly(brentq)", r)
            show(f"{name}.{series}.irrAnnual(brentq)", annual(r))
        except ValueError as e:
            show(f"{name}.{series}.irr(brentq)", f"no bracket: {e}")
        show(f"{name}.{series}.irrMonthly(npf.irr)", npf.irr(f))
        show(f"{name}.{series}.allIRRsMonthly(np.roots+brentq)", all_irrs(f))
        if not all_irrs(f):
            grid = np.exp(np.linspace(np.log(0.01), np.log(2.0), 2001)) - 1
            show(f"{name}.{series}.maxNPVOverMonthlyRates(-0.99..1)", max(npf.npv(r, f) for r in grid))
        cum = np.cumsum(f)
        # Payback: the month after the last month with negative cumulative cash (recovered for
        # good); none when it never went negative or is negative at the end.
        negative = [t for t in range(len(f)) if cum[t] < 0]
        pay = max(1, negative[-1] + 1) if negative and negative[-1] + 1 < len(f) else None
        show(f"{name}.{series}.paybackMonth", pay)
        show(f"{name}.{series}.sum", f.sum())
    show(f"{name}.npvEquity@coe", npv(a["coe"], m["equity"]))
    if m["B"] > 0:
        show(f"{name}.debtPrincipal", m["B"])
        show(f"{name}.debtPayment(-npf.pmt)", m["pay"])
        show(f"{name}.totalInterest", m["interest"].sum())
        for row in statements(m):
            show(f"{name}.statement{row['year']}", row)
    show(f"{name}.costPerGPUHour", cost_per_gpu_hour(inp, **over))
    targets = [0.0, a["disc"]] + list(over.get("extra", []))
    for target in targets:
        show(f"{name}.breakEvenStart@{target}", break_even_start(inp, target, **over))
    show(f"{name}.breakEvenUtilization", break_even_util(inp, **over))
    return m


# Risk percentiles (Sources/NeoplanKit/Risk/RiskStatistics.swift): numpy's default linear
# method; Spearman's rank correlation as the Pearson correlation of average ranks.
RISK_SAMPLE = [3.1, -2.0, 7.5, 0.25, 4.0, 4.0, 10.0, -1.5, 2.2, 6.6, 1.0, 5.3]
RISK_LEVELS = [0, 5, 10, 25, 50, 90, 95, 99, 100]


def risk_percentiles():
    x = np.array(RISK_SAMPLE)
    for q in RISK_LEVELS:
        show(f"np.percentile(RISK_SAMPLE, {q})", np.percentile(x, q))
    y = np.array([1.0, 2.0, 3.0, 3.0, 5.0, 4.0, 9.0, 0.0, 2.5, 7.0, 1.5, 3.0])
    # average ranks for ties, 1-based
    def avg_ranks(v):
        order = np.argsort(v, kind="stable")
        r = np.empty(len(v))
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            r[order[i:j + 1]] = (i + j) / 2 + 1
            i = j + 1
        return r
    show("spearman(RISK_SAMPLE, y)", np.corrcoef(avg_ranks(x), avg_ranks(y))[0, 1])


def main():
    np.set_printoptions(precision=17)
    print("# risk percentiles")
    risk_percentiles()
    print("# numeric core")
    show("npf.pmt(0.01, 36, 100000)", npf.pmt(0.01, 36, 100000))
    show("npf.pmt(monthly(0.12), 48, 1e6)", npf.pmt(monthly(0.12), 48, 1e6))
    show("monthly(0.12)", monthly(0.12))
    show("annual(0.01)", annual(0.01))
    show("npf.npv(0.01, [-1000, 300, 400, 500])", npf.npv(0.01, [-1000, 300, 400, 500]))
    show("npf.npv(monthly(0.12), [-10000] + [450]*24)", npf.npv(monthly(0.12), [-10000] + [450] * 24))
    show("npf.irr([-1000, 300, 400, 500])", npf.irr([-1000, 300, 400, 500]))
    show("brentq irr [-1000, 300, 400, 500]", irr_brentq([-1000, 300, 400, 500]))
    long = [-10000] + [450] * 24
    show("npf.irr([-10000] + [450]*24)", npf.irr(long))
    show("brentq irr [-10000] + [450]*24", irr_brentq(long))
    show("annual(brentq irr [-10000] + [450]*24)", annual(irr_brentq(long)))
    # [-100, 230, -132]: -100 y^2 + 230 y - 132 = 0 with y = 1 + r  ->  y = 1.1, 1.2
    show("np.roots([-100, 230, -132]) - 1", np.sort(np.roots([-100, 230, -132]) - 1))
    show("brentq root in [0.05, 0.15]", brentq(lambda r: npf.npv(r, [-100, 230, -132]), 0.05, 0.15, xtol=1e-15))
    show("brentq root in [0.15, 0.25]", brentq(lambda r: npf.npv(r, [-100, 230, -132]), 0.15, 0.25, xtol=1e-15))
    # A root above the search range: [-1, 3] has IRR 200 % per month.
    show("npf.irr([-1, 3])", npf.irr([-1, 3]))
    # Payback of [-1000, 300, 400, 500]: cumulative -1000, -700, -300, 200 -> month 3.
    show("cumsum([-1000, 300, 400, 500])", np.cumsum([-1000, 300, 400, 500]))
    show("brentq x^3 - 2 on [0, 2]", brentq(lambda x: x ** 3 - 2, 0, 2, xtol=1e-15))

    # Worked example (docs/finance.md): 1 node, 8 GPUs, 10 kW, $300k, 3 years.
    worked = dict(gpus=8, nodes=1, kw=10.0, hardware=300000.0)
    worked_a = dict(years=3, util=[0.8], price=3.0, path=("linear", 0.5), kwh=0.10, pue=1.25,
                    draw=0.8, warranty=0, facility=("colo", 200.0), maint=0.03, insurance=0.005,
                    bandwidth=100.0, sales=0.05, residual=0.10, debt=0.5, interest=0.12,
                    term=36, tax=0.21, dep_years=5, disc=0.12, extra=[0.20])
    m = describe("worked", worked, **worked_a)
    print("worked.month1: price", m["price"][1], "revenue", m["rev"][1], "opex", m["opex"][1],
          "pre", m["pre"][1], "interest", m["interest"][1], "principal", m["principal"][1],
          "dep", m["dep"][1], "tax_u", m["tax_u"][1], "tax_l", m["tax_l"][1], "equity", m["equity"][1])
    print("worked.month36: price", m["price"][36], "revenue", m["rev"][36], "opex", m["opex"][36],
          "pre", m["pre"][36], "resid", m["resid"][36], "equity", m["equity"][36])
    for y in range(3):
        sl = slice(12 * y + 1, 12 * y + 13)
        print(f"worked.year{y + 1}: revenue {m['rev'][sl].sum()!r} opex {m['opex'][sl].sum()!r} "
              f"preTax {m['pre'][sl].sum()!r} taxU {m['tax_u'][sl].sum()!r}")
    for u in (0.1, 0.5, 1.0):
        show(f"worked.sweep@{u}", break_even_start(worked, 0.12, **{**worked_a, "util": [u]}))
    # Hand-check factors for docs/finance.md (i = monthly(0.12), v = 1/(1+i)).
    i = monthly(0.12)
    v = 1 / (1 + i)
    A = sum(v ** t for t in range(1, 37))
    S = sum((1 - 0.5 * (t - 1) / 35) * v ** t for t in range(1, 37))
    show("worked.annuityFactor A = sum v^t, t=1..36", A)
    show("worked.v^36", v ** 36)
    show("worked.S = sum multiplier(t) v^t", S)
    show("worked.costPerGPUHour by formula (300000 + 3705 A - 30000 v^36) / (0.95 * 5840 * A)",
         (300000 + 3705 * A - 30000 * v ** 36) / (0.95 * 5840 * A))
    show("worked.breakEven@12% by formula (300000 + 3705 A - 30000 v^36) / (0.95 * 4672 * S)",
         (300000 + 3705 * A - 30000 * v ** 36) / (0.95 * 4672 * S))
    tco = m["capex"] + m["opex"].sum()
    show("worked.tco", tco)
    show("worked.tcoPerGPUHour", tco / (8 * HOURS * 36))
    # Sensitivity tornado: each input x0.8 and x1.2; pre-tax NPV, equity NPV (at the possibly
    # varied discount rate) and break-even start price at that rate.
    variants = {
        "capex": lambda f: ({**worked, "hardware": 300000.0 * f}, {}),
        "marketPrice": lambda f: (worked, {"price": 3.0 * f}),
        "priceDecline": lambda f: (worked, {"path": ("linear", 1 - 0.5 * f)}),
        "utilization": lambda f: (worked, {"util": [min(1.0, 0.8 * f)]}),
        "electricity": lambda f: (worked, {"kwh": 0.10 * f}),
        "colocation": lambda f: (worked, {"facility": ("colo", 200.0 * f)}),
        "discountRate": lambda f: (worked, {"disc": 0.12 * f}),
        "interestRate": lambda f: (worked, {"interest": 0.12 * f}),
    }
    rows = []
    for key, make in variants.items():
        vals = []
        for f in (0.8, 1.2):
            inp, o = make(f)
            aa = {**worked_a, **o}
            mm = model(inp, **aa)
            vals.append((npv(aa["disc"], mm["pre"]), npv({**DEFAULTS, **aa}["coe"], mm["equity"]),
                         break_even_start(inp, aa["disc"], **aa)))
        rows.append((key, vals))
        show(f"worked.sensitivity.{key}", vals)
    order = sorted(rows, key=lambda r: -abs(r[1][1][0] - r[1][0][0]))
    show("worked.sensitivity.order(by |pre-tax NPV swing|)",
         [(k, abs(v[1][0] - v[0][0])) for k, v in order])

    # Everything at once: lead time, per-year utilization, annual decline, contract, hosting,
    # staff, software, spares, installation, shipping, residual, 60 % debt over 36 months.
    full = dict(gpus=64, nodes=8, kw=82.0, hardware=2_000_000.0, spares=100_000.0)
    full_a = dict(years=4, lead=3, util=[0.7, 0.8, 0.9, 0.9], price=2.5, path=("decline", 0.25),
                  contract=(0.5, 2.2, 24), facility=("host", 1500.0), maint=0.02, ftes=0.5,
                  fte_cost=180000.0, software=500.0, insurance=0.004, bandwidth=1000.0, sales=0.03,
                  install=0.02, shipping=0.05, residual=0.1, debt=0.6, interest=0.1, term=36, warranty=0,
                  tax=0.25, dep_years=4, disc=0.1, extra=[0.15])
    describe("full", full, **full_a)

    # A price path that falls below opex: 60 % annual decline over 5 years.
    falling = dict(gpus=8, nodes=1, kw=10.2, hardware=250000.0)
    falling_a = dict(years=5, util=[0.9], price=3.0, path=("decline", 0.6), tax=0.0, residual=0.0)
    m = describe("falling", falling, **falling_a)
    print("falling.monthly pre-tax flows by year:",
          [m["pre"][12 * y + 1] for y in range(5)])

    # 100 % debt: no equity invested.
    debt = dict(gpus=8, nodes=1, kw=10.2, hardware=250000.0)
    debt_a = dict(years=5, util=[0.85], price=2.35, debt=1.0, interest=0.12, term=48)
    m = describe("debt100", debt, **debt_a)
    show("debt100.equity[0]", m["equity"][0])
    show("debt100.principal.sum", m["principal"].sum())

    # Zero utilization, no residual.
    zero = dict(gpus=8, nodes=1, kw=10.2, hardware=250000.0)
    m = model(zero, util=[0.0], residual=0.0)
    print("\n## scenario zero")
    show("zero.sumPre", m["pre"].sum())
    show("zero.npvPreTax", npv(DEFAULTS["disc"], m["pre"]))
    show("zero.costPerGPUHour", cost_per_gpu_hour(zero, util=[0.0], residual=0.0))
    show("zero.breakEvenUtilization", break_even_util(zero, util=[0.0], residual=0.0))

    # Defaults only: an HGX H100 node at the domain.md prices.
    h100 = dict(gpus=8, nodes=1, kw=10.2, hardware=256400.0)
    describe("defaultsH100", h100)
    show("defaultsH100.breakEvenStart@0.12", break_even_start(h100, 0.12))

    # ---- Project finance (issue 9) ----
    print("\n## loan arithmetic")
    # $1M at 12 % nominal (1 %/month) over 48 months: interest = 48 x PMT - 1M.
    pm = -npf.pmt(0.01, 48, 1e6)
    show("loan1M.payment(nominal)", pm)
    show("loan1M.interest(nominal)", 48 * pm - 1e6)
    pe = -npf.pmt(monthly(0.12), 48, 1e6)
    show("loan1M.interest(effective)", 48 * pe - 1e6)
    # SemiAnalysis' capital charge: PMT(13 %/12, 72, 350k).
    show("semianalysis.PMT(0.13/12, 72, 350000)", -npf.pmt(0.13 / 12, 72, 350000))

    # Debt drawn over a 6-month build: 60 % of capex, interest capitalised.
    lead6 = dict(gpus=8, nodes=1, kw=10.2, hardware=250000.0)
    lead6_a = dict(lead=6, debt=0.6)
    m = describe("lead6", lead6, **lead6_a)
    show("lead6.equity[0..6]", list(m["equity"][:7]))
    show("lead6.draw[0..6]", list(m["draw"][:7]))
    show("lead6.capitalisedInterest", m["debt"]["capd"].sum())
    show("lead6.balanceAtRevenueStart", m["debt"]["bal"][6])
    m = model(lead6, **{**lead6_a, "idc": "paid"})
    show("lead6paid.equity[0..6]", list(m["equity"][:7]))
    show("lead6paid.npvEquity@coe", npv(0.18, m["equity"]))
    m = model(lead6, **{**lead6_a, "fee": 0.02, "reserve_months": 6})
    show("lead6fees.fee", m["fees"].sum())
    show("lead6fees.reserve", m["reserve"][6])
    show("lead6fees.reserveRelease(month 54)", m["reserve"][54])
    show("lead6fees.equity[0], [6], [54]", (m["equity"][0], m["equity"][6], m["equity"][54]))
    show("lead6fees.equity.irrAnnual", annual(irr_brentq(m["equity"])))

    # Annual vs monthly tax: the worked example at a $5 start (3 years).
    m = model(worked, **{**worked_a, "price": 5.0})
    show("worked5.totalTaxUnlevered(annual, 80 % cap)", m["tax_u"].sum())
    m0 = model(worked, **{**worked_a, "price": 5.0, "cap": None})
    show("worked5.totalTaxUnlevered(annual, no cap)", m0["tax_u"].sum())
    monthly_tax = carry_forward_tax_monthly(m0["rev"] - m0["opex"] - m0["dep"] + m0["gain"], 0.21)
    show("worked5.totalTaxUnlevered(monthly, old convention)", monthly_tax.sum())
    show("worked5.after.irrAnnual(annual tax, no cap)", annual(irr_brentq(m0["after"])))
    show("worked5.after.irrAnnual(monthly tax)", annual(irr_brentq(m0["pre"] - monthly_tax)))
    for y, d in enumerate(m["detail_u"]):
        show(f"worked5.taxYear{y}(taxable, used, pool, tax)", d)

    # Debt sized to a minimum DSCR of 1.3 on a 48-month contract of 70 % of the GPUs.
    dscr = dict(gpus=64, nodes=8, kw=82.0, hardware=2_000_000.0)
    dscr_a = dict(years=5, contracts=[(0.7, 2.2, 48, 0.0)], sizing=("dscr", 1.3), term=48,
                  lead=3, ramp=6)
    m = describe("dscr", dscr, **dscr_a)
    rows = statements(m)
    show("dscr.minDSCR", min(r["dscr"] for r in rows if r["dscr"] is not None))
    for amort in ("straight", "sculpted"):
        mm = model(dscr, **{**dscr_a, "amort": amort})
        show(f"dscr.{amort}.debtPrincipal", mm["B"])
        show(f"dscr.{amort}.dscrByYear", [r["dscr"] for r in statements(mm)])
    # LLCR: PV at the loan rate of CFADS over the tenor / balance when repayment starts.
    L = m["L"]
    pv = sum(m["cfads"][t] / (1 + m["i"]) ** (t - L) for t in range(L + 1, L + 49))
    show("dscr.llcr", pv / m["debt"]["bal"][L])
    # LTV: balance / (hardware x curve(years since the first operating month)), max over months.
    ltv = [m["debt"]["bal"][t] / (m["hw"] * curve_value(m["a"]["curve"], max(0, t - L) / 12))
           for t in range(len(m["pre"]))]
    show("dscr.maxLTV", max(ltv))
    show("dscr.monthsLTVabove1", [t for t, x in enumerate(ltv) if x > 1.0])
    show("dscr.monthsLTVabove0.8", [t for t, x in enumerate(ltv) if x > 0.8])

    # The same with 20 % of the contract prepaid (IREN-Microsoft) and 50 % debt.
    prepaid_a = dict(dscr_a, contracts=[(0.7, 2.2, 48, 0.2)], sizing=("share", 0.5))
    m = model(dscr, **prepaid_a)
    show("prepaid.prepaymentReceived", m["pre_recv"].sum())
    show("prepaid.debtPrincipal", m["B"])
    show("prepaid.capitalisedInterest", m["debt"]["capd"].sum())
    show("prepaid.equityBuild", m["equity"][: m["L"] + 1].sum())
    show("prepaid.equity[0..3]", list(m["equity"][:4]))
    show("prepaid.revenue.contract.year1", m["tranche"][0][4:16].sum())
    show("prepaid.revenue.market.year1", m["tranche"][1][4:16].sum())


if __name__ == "__main__":
    main()
