//! Inter-rater agreement: Krippendorff's alpha and the intraclass correlations (ICC) of
//! Shrout & Fleiss.
//!
//! * [`krippendorff_alpha`] takes reliability data with missing values (units x raters)
//!   and a level of measurement ([`Metric`]). It follows Krippendorff, "Computing
//!   Krippendorff's Alpha-Reliability" (2011): values are paired only within a unit, each
//!   pair weighted by 1 / (m_u - 1) (the coincidence matrix o_ck), the expected
//!   disagreement comes from the marginals n_c of that matrix, and
//!   alpha = 1 - D_o / D_e.
//! * [`icc`] takes a complete targets x judges matrix and returns the six forms ICC(1,1),
//!   ICC(2,1), ICC(3,1), ICC(1,k), ICC(2,k) and ICC(3,k) of Shrout & Fleiss, "Intraclass
//!   correlations: uses in assessing rater reliability", Psychological Bulletin 86 (1979),
//!   from the mean squares of the two-way ANOVA.
//!
//! As in the sibling `stats` module, nothing returns `NaN`: where a statistic is not
//! defined (too little data, a zero denominator, a non-finite input) the answer is `None`,
//! so that it cannot leak into charts and JSON. Nothing here does I/O.

/// Level of measurement for Krippendorff's alpha.
///
/// It picks the squared difference δ²(c, k) between two values c and k.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Categories without order: δ² is 0 for equal values and 1 otherwise.
    Nominal,
    /// Ranks: δ²(c, k) = (Σ_{g = c..k} n_g − (n_c + n_k) / 2)², over the ordered distinct
    /// values that were paired, n_g being how often value g was paired. Only the order of
    /// the values matters, not their spacing.
    Ordinal,
    /// Equal intervals: δ²(c, k) = (c − k)².
    Interval,
}

/// Krippendorff's alpha for reliability data with missing values.
///
/// `units[u][r]` is rater r's value for unit u (`None` = missing). All rows have the same
/// length (the raters); rows of different lengths are a caller's mistake and give `None`.
/// Units with fewer than two values are not pairable and are left out (as Krippendorff
/// does).
///
/// Returns `None` when alpha is undefined: fewer than 2 pairable values in total, that is
/// no pairable unit, or expected disagreement D_e == 0 (all pairable values identical).
/// Also `None` when a value is not finite, or the result would not be (overflow).
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], metric: Metric) -> Option<f64> {
    let raters = units.first().map_or(0, Vec::len);
    if units.iter().any(|row| row.len() != raters) {
        return None;
    }
    // Only pairable units (m_u >= 2) enter the coincidence matrix; a lone value in a unit
    // has nothing to be compared with. `+ 0.0` turns -0.0 into 0.0 so that the two zeros
    // are one value, as they compare equal.
    let pairable: Vec<Vec<f64>> = units
        .iter()
        .map(|row| row.iter().flatten().map(|&v| v + 0.0).collect::<Vec<f64>>())
        .filter(|values| values.len() >= 2)
        .collect();
    if pairable.iter().flatten().any(|v| !v.is_finite()) {
        return None;
    }

    // The distinct paired values, in order (the ordinal metric needs the order).
    let mut domain: Vec<f64> = pairable.iter().flatten().copied().collect();
    domain.sort_by(f64::total_cmp);
    domain.dedup();
    if domain.len() < 2 {
        // No pairable value at all, or only one distinct value: D_e = 0.
        return None;
    }

    // Each paired value as its index into `domain`, and the marginals n_c (the row sums of
    // the coincidence matrix: Σ_k o_ck = Σ_u n_uc (m_u - 1) / (m_u - 1) = Σ_u n_uc).
    let coded: Vec<Vec<usize>> = pairable
        .iter()
        .map(|values| {
            values
                .iter()
                .map(|v| domain.binary_search_by(|d| d.total_cmp(v)).ok())
                .collect::<Option<Vec<usize>>>()
        })
        .collect::<Option<Vec<Vec<usize>>>>()?;
    let mut counts = vec![0u64; domain.len()];
    for &c in coded.iter().flatten() {
        counts[c] += 1;
    }
    let n: u64 = counts.iter().sum();

    let delta2 = Delta2::new(metric, &domain, &counts);

    // Σ_ck o_ck δ²_ck without building o: o_ck = Σ_u (number of ordered pairs (c, k) in
    // unit u) / (m_u - 1), so the sum is Σ_u (Σ over pairs in u of δ²) / (m_u - 1). Pairs
    // are counted once each here and once each in the expected sum below; the factor 2 of
    // ordered pairs cancels. The pair sums are grouped by m_u before dividing: for the
    // nominal and ordinal metrics (and integer interval data) every δ² is a multiple of
    // 1/4, so these sums are exact in f64 and the only rounding is one division per
    // distinct m_u. That also makes the result independent of the order of units.
    let mut pair_sums_by_m = vec![0.0f64; raters + 1];
    for unit in &coded {
        let mut sum = 0.0;
        for (i, &c) in unit.iter().enumerate() {
            for &k in &unit[i + 1..] {
                sum += delta2.get(c, k);
            }
        }
        pair_sums_by_m[unit.len()] += sum;
    }
    let observed: f64 = pair_sums_by_m
        .iter()
        .enumerate()
        .skip(2)
        .map(|(m, &sum)| sum / (m - 1) as f64)
        .sum();

    let expected = delta2.expected_pair_sum();
    if expected <= 0.0 || !expected.is_finite() {
        return None;
    }
    // D_o = Σ o δ² / n and D_e = Σ n_c n_k δ² / (n (n - 1)), so
    // D_o / D_e = (n - 1) Σ o δ² / Σ n_c n_k δ².
    let alpha = 1.0 - (n - 1) as f64 * observed / expected;
    alpha.is_finite().then_some(alpha)
}

/// δ²(c, k) between indices into the ordered domain of paired values, for one metric.
struct Delta2<'a> {
    metric: Metric,
    domain: &'a [f64],
    counts: &'a [u64],
    /// For the ordinal metric: `cumulative[i]` = n_0 + … + n_{i-1}, so that
    /// Σ_{g = c..k} n_g = cumulative[k + 1] - cumulative[c] in O(1).
    cumulative: Vec<u64>,
}

impl<'a> Delta2<'a> {
    fn new(metric: Metric, domain: &'a [f64], counts: &'a [u64]) -> Self {
        let mut cumulative = Vec::with_capacity(counts.len() + 1);
        cumulative.push(0);
        if metric == Metric::Ordinal {
            let mut total = 0;
            for &count in counts {
                total += count;
                cumulative.push(total);
            }
        }
        Self {
            metric,
            domain,
            counts,
            cumulative,
        }
    }

    fn get(&self, c: usize, k: usize) -> f64 {
        match self.metric {
            Metric::Nominal => {
                if c == k {
                    0.0
                } else {
                    1.0
                }
            }
            Metric::Ordinal => {
                let (low, high) = if c <= k { (c, k) } else { (k, c) };
                let between = (self.cumulative[high + 1] - self.cumulative[low]) as f64;
                let ends = (self.counts[low] + self.counts[high]) as f64 / 2.0;
                (between - ends).powi(2)
            }
            Metric::Interval => (self.domain[c] - self.domain[k]).powi(2),
        }
    }

    /// Σ_{c < k} n_c n_k δ²(c, k): half the expected disagreement's numerator (the
    /// observed sum above counts each pair once too).
    fn expected_pair_sum(&self) -> f64 {
        let n: u64 = self.counts.iter().sum();
        let nf = n as f64;
        match self.metric {
            // Σ_{c<k} n_c n_k = (n² - Σ n_c²) / 2, in integers: exact.
            Metric::Nominal => {
                let squares: u64 = self.counts.iter().map(|&c| c * c).sum();
                (n * n - squares) as f64 / 2.0
            }
            // δ² depends on the values between c and k, so there is no shortcut.
            Metric::Ordinal => {
                let mut sum = 0.0;
                for c in 0..self.counts.len() {
                    for k in c + 1..self.counts.len() {
                        sum += (self.counts[c] * self.counts[k]) as f64 * self.get(c, k);
                    }
                }
                sum
            }
            // Σ_{c<k} n_c n_k (v_c - v_k)² = n Σ_c n_c (v_c - v̄)², with v̄ the mean of the
            // paired values: O(V) instead of O(V²), and centring first avoids the
            // cancellation of n Σ n_c v_c² - (Σ n_c v_c)².
            Metric::Interval => {
                let mean = self
                    .domain
                    .iter()
                    .zip(self.counts)
                    .map(|(&v, &c)| v * c as f64)
                    .sum::<f64>()
                    / nf;
                let squares: f64 = self
                    .domain
                    .iter()
                    .zip(self.counts)
                    .map(|(&v, &c)| c as f64 * (v - mean).powi(2))
                    .sum();
                nf * squares
            }
        }
    }
}

/// The six intraclass correlations of Shrout & Fleiss (1979) for a complete
/// targets x judges matrix.
///
/// With n targets, k judges and the mean squares of the two-way ANOVA (BMS between
/// targets, WMS within targets, JMS between judges, EMS residual):
///
/// * ICC(1,1) = (BMS − WMS) / (BMS + (k − 1) WMS)
/// * ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n)
/// * ICC(3,1) = (BMS − EMS) / (BMS + (k − 1) EMS)
/// * ICC(1,k) = (BMS − WMS) / BMS
/// * ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n)
/// * ICC(3,k) = (BMS − EMS) / BMS
///
/// A form is `None` when its denominator is 0 (for example every rating the same).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Icc {
    /// ICC(1,1): each target rated by a different random set of judges; one judge's rating.
    pub icc1_1: Option<f64>,
    /// ICC(2,1): random judges who rate every target; absolute agreement of one judge.
    pub icc2_1: Option<f64>,
    /// ICC(3,1): these fixed judges; consistency of one judge.
    pub icc3_1: Option<f64>,
    /// ICC(1,k): as ICC(1,1), for the mean of the k judges.
    pub icc1_k: Option<f64>,
    /// ICC(2,k): as ICC(2,1), for the mean of the k judges.
    pub icc2_k: Option<f64>,
    /// ICC(3,k): as ICC(3,1), for the mean of the k judges.
    pub icc3_k: Option<f64>,
}

/// The intraclass correlations of Shrout & Fleiss for `ratings[target][judge]`.
///
/// The matrix must be complete (every judge rated every target). `None` when there are
/// fewer than 2 targets or 2 judges, the rows differ in length, or a rating is not
/// finite. A form whose denominator is 0 is `None` on its own (see [`Icc`]).
pub fn icc(ratings: &[Vec<f64>]) -> Option<Icc> {
    let ms = mean_squares(ratings)?;
    let n = ms.targets as f64;
    let k = ms.judges as f64;
    Some(Icc {
        icc1_1: ratio(ms.bms - ms.wms, ms.bms + (k - 1.0) * ms.wms),
        icc2_1: ratio(
            ms.bms - ms.ems,
            ms.bms + (k - 1.0) * ms.ems + k * (ms.jms - ms.ems) / n,
        ),
        icc3_1: ratio(ms.bms - ms.ems, ms.bms + (k - 1.0) * ms.ems),
        icc1_k: ratio(ms.bms - ms.wms, ms.bms),
        icc2_k: ratio(ms.bms - ms.ems, ms.bms + (ms.jms - ms.ems) / n),
        icc3_k: ratio(ms.bms - ms.ems, ms.bms),
    })
}

/// `num / den`, or `None` for a zero denominator or a non-finite result.
fn ratio(num: f64, den: f64) -> Option<f64> {
    if den == 0.0 {
        return None;
    }
    let value = num / den;
    value.is_finite().then_some(value)
}

/// The mean squares of the two-way ANOVA of a targets x judges matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
struct MeanSquares {
    targets: usize,
    judges: usize,
    /// Between targets: k Σ_i (x̄_i. − x̄)² / (n − 1).
    bms: f64,
    /// Within targets: Σ_ij (x_ij − x̄_i.)² / (n (k − 1)).
    wms: f64,
    /// Between judges: n Σ_j (x̄_.j − x̄)² / (k − 1).
    jms: f64,
    /// Residual: Σ_ij (x_ij − x̄_i. − x̄_.j + x̄)² / ((n − 1)(k − 1)).
    ems: f64,
}

fn mean_squares(ratings: &[Vec<f64>]) -> Option<MeanSquares> {
    let n = ratings.len();
    let k = ratings.first().map_or(0, Vec::len);
    if n < 2 || k < 2 || ratings.iter().any(|row| row.len() != k) {
        return None;
    }
    if ratings.iter().flatten().any(|x| !x.is_finite()) {
        return None;
    }
    // Every mean square is unchanged by a shift; shifting by one of the ratings makes
    // constant data exactly 0, so "all ratings equal" gives exact zero mean squares (and
    // `None` forms) instead of rounding noise, and large offsets lose no precision.
    let origin = ratings[0][0];
    let x: Vec<Vec<f64>> = ratings
        .iter()
        .map(|row| row.iter().map(|v| v - origin).collect())
        .collect();
    let (nf, kf) = (n as f64, k as f64);

    let row_means: Vec<f64> = x.iter().map(|row| row.iter().sum::<f64>() / kf).collect();
    let col_means: Vec<f64> = (0..k)
        .map(|j| x.iter().map(|row| row[j]).sum::<f64>() / nf)
        .collect();
    let grand = row_means.iter().sum::<f64>() / nf;

    // Each sum of squares straight from its definition, rather than the residual as
    // SS_total − SS_rows − SS_cols: no cancellation, and never negative.
    let ss_rows = kf * row_means.iter().map(|m| (m - grand).powi(2)).sum::<f64>();
    let ss_cols = nf * col_means.iter().map(|m| (m - grand).powi(2)).sum::<f64>();
    let mut ss_within = 0.0;
    let mut ss_error = 0.0;
    for (row, row_mean) in x.iter().zip(&row_means) {
        for (value, col_mean) in row.iter().zip(&col_means) {
            ss_within += (value - row_mean).powi(2);
            ss_error += (value - row_mean - col_mean + grand).powi(2);
        }
    }

    let ms = MeanSquares {
        targets: n,
        judges: k,
        bms: ss_rows / (nf - 1.0),
        wms: ss_within / (nf * (kf - 1.0)),
        jms: ss_cols / (kf - 1.0),
        ems: ss_error / ((nf - 1.0) * (kf - 1.0)),
    };
    [ms.bms, ms.wms, ms.jms, ms.ems]
        .iter()
        .all(|v| v.is_finite())
        .then_some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Metric::{Interval, Nominal, Ordinal};

    const METRICS: [Metric; 3] = [Nominal, Ordinal, Interval];

    fn assert_close(actual: Option<f64>, expected: f64, tolerance: f64, what: &str) {
        let actual = actual.unwrap_or_else(|| panic!("{what}: got None, expected {expected}"));
        assert!(
            (actual - expected).abs() < tolerance,
            "{what}: got {actual}, expected {expected} (tolerance {tolerance})"
        );
    }

    /// Rows of `Option<f64>` from rows of integers, 0 standing for a missing value.
    fn with_missing(rows: &[&[i32]]) -> Vec<Vec<Option<f64>>> {
        rows.iter()
            .map(|row| {
                row.iter()
                    .map(|&v| (v != 0).then_some(f64::from(v)))
                    .collect()
            })
            .collect()
    }

    /// Rows of `Vec<f64>` from rows of integers.
    fn matrix(rows: &[&[i32]]) -> Vec<Vec<f64>> {
        rows.iter()
            .map(|row| row.iter().map(|&v| f64::from(v)).collect())
            .collect()
    }

    // ----- Shrout & Fleiss (1979), Table 2 -------------------------------------------

    /// Table 2 of Shrout & Fleiss: 6 targets (rows) x 4 judges (columns).
    fn shrout_fleiss_table_2() -> Vec<Vec<f64>> {
        matrix(&[
            &[9, 2, 5, 8],
            &[6, 1, 3, 2],
            &[8, 4, 6, 8],
            &[7, 1, 2, 6],
            &[10, 5, 6, 9],
            &[6, 2, 4, 7],
        ])
    }

    // Worked by hand (and checked with exact rational arithmetic), n = 6, k = 4:
    // row sums 24, 12, 26, 16, 30, 19; column sums 46, 15, 26, 40; total 127.
    //   SS_targets = 1349/24, SS_judges = 2339/24, SS_within = 451/4 = 2706/24,
    //   SS_error = SS_within − SS_judges = 367/24.
    //   BMS = 1349/120 = 11.2417,  WMS = 451/72 = 6.2639,
    //   JMS = 2339/72  = 32.4861,  EMS = 367/360 = 1.0194.
    // Hence
    //   ICC(1,1) = 448/2703 = 0.1657     ICC(1,4) = 1792/4047 = 0.4428
    //   ICC(2,1) = 184/635  = 0.2898     ICC(2,4) = 736/1187  = 0.6201
    //   ICC(3,1) = 920/1287 = 0.7148     ICC(3,4) = 3680/4047 = 0.9093
    // and the paper prints .17, .29, .71, .44, .62, .91.

    #[test]
    fn shrout_fleiss_mean_squares_are_the_hand_computed_fractions() {
        let ms = mean_squares(&shrout_fleiss_table_2()).unwrap();
        assert_eq!((ms.targets, ms.judges), (6, 4));
        assert_close(Some(ms.bms), 1349.0 / 120.0, 1e-12, "BMS");
        assert_close(Some(ms.wms), 451.0 / 72.0, 1e-12, "WMS");
        assert_close(Some(ms.jms), 2339.0 / 72.0, 1e-12, "JMS");
        assert_close(Some(ms.ems), 367.0 / 360.0, 1e-12, "EMS");
        // The rounded figures quoted with the table.
        assert_close(Some(ms.bms), 11.24, 0.005, "BMS, 2 decimals");
        assert_close(Some(ms.wms), 6.26, 0.005, "WMS, 2 decimals");
        assert_close(Some(ms.jms), 32.49, 0.005, "JMS, 2 decimals");
        assert_close(Some(ms.ems), 1.02, 0.005, "EMS, 2 decimals");
    }

    #[test]
    fn shrout_fleiss_table_2_gives_the_published_iccs() {
        let icc = icc(&shrout_fleiss_table_2()).unwrap();
        let cases = [
            ("ICC(1,1)", icc.icc1_1, 0.17, 448.0 / 2703.0),
            ("ICC(2,1)", icc.icc2_1, 0.29, 184.0 / 635.0),
            ("ICC(3,1)", icc.icc3_1, 0.71, 920.0 / 1287.0),
            ("ICC(1,4)", icc.icc1_k, 0.44, 1792.0 / 4047.0),
            ("ICC(2,4)", icc.icc2_k, 0.62, 736.0 / 1187.0),
            ("ICC(3,4)", icc.icc3_k, 0.91, 3680.0 / 4047.0),
        ];
        for (name, value, published, exact) in cases {
            // Published to two decimals: within half a unit of the last digit.
            assert_close(value, published, 0.005, name);
            assert_close(value, exact, 1e-12, name);
        }
    }

    // ----- Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" ---------

    /// The example with 4 observers, 12 units and missing values (section C), as
    /// units x observers (A, B, C, D); 0 = missing. Unit 12 has a single value (B's 3),
    /// so it is not pairable and drops out.
    fn krippendorff_example() -> Vec<Vec<Option<f64>>> {
        let observers: [[i32; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        (0..12)
            .map(|u| {
                observers
                    .iter()
                    .map(|o| (o[u] != 0).then_some(f64::from(o[u])))
                    .collect()
            })
            .collect()
    }

    // By hand: the 11 pairable units hold n = 40 values, with marginals
    // n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3. Exactly:
    //   nominal  alpha = 113/152         = 0.74342  (paper: 0.743)
    //   ordinal  alpha = 108577/133160   = 0.81539  (paper: 0.815)
    //   interval alpha = 951/1120        = 0.84911  (paper: 0.849)

    #[test]
    fn krippendorff_example_with_missing_values_gives_the_published_alphas() {
        let data = krippendorff_example();
        let cases = [
            (Nominal, 0.743, 113.0 / 152.0),
            (Ordinal, 0.815, 108_577.0 / 133_160.0),
            (Interval, 0.849, 951.0 / 1120.0),
        ];
        for (metric, published, exact) in cases {
            let alpha = krippendorff_alpha(&data, metric);
            let what = format!("{metric:?}");
            assert_close(alpha, published, 0.0005, &what);
            assert_close(alpha, exact, 1e-12, &what);
        }
    }

    #[test]
    fn krippendorff_binary_two_observer_example_gives_the_published_alpha() {
        // Section A: two observers, ten units, values 0/1, nothing missing.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        let data: Vec<Vec<Option<f64>>> = a
            .iter()
            .zip(&b)
            .map(|(&x, &y)| vec![Some(f64::from(x)), Some(f64::from(y))])
            .collect();
        // n_0 = 14, n_1 = 6, o_01 = 4: alpha = 1 − 19 · 4 / (14 · 6) = 2/21 = 0.0952.
        let alpha = krippendorff_alpha(&data, Nominal);
        assert_close(alpha, 0.095, 0.0005, "binary");
        assert_close(alpha, 2.0 / 21.0, 1e-12, "binary");
        // With two values every metric agrees: δ² is the same up to a constant factor.
        for metric in [Ordinal, Interval] {
            assert_close(
                krippendorff_alpha(&data, metric),
                2.0 / 21.0,
                1e-12,
                "binary",
            );
        }
    }

    // ----- Edge cases -----------------------------------------------------------------

    #[test]
    fn alpha_is_none_when_all_values_are_identical() {
        let data = with_missing(&[&[3, 3, 0], &[3, 3, 3], &[0, 3, 3]]);
        for metric in METRICS {
            assert_eq!(krippendorff_alpha(&data, metric), None, "{metric:?}");
        }
    }

    #[test]
    fn alpha_is_none_when_the_paired_values_are_identical_even_if_lone_values_differ() {
        // Only unit 1 is pairable; the 5 and the 1 are alone in their units.
        let data = with_missing(&[&[3, 3, 0], &[5, 0, 0], &[0, 0, 1]]);
        for metric in METRICS {
            assert_eq!(krippendorff_alpha(&data, metric), None, "{metric:?}");
        }
    }

    #[test]
    fn alpha_is_none_with_at_most_one_value_per_unit() {
        let data = with_missing(&[&[1, 0, 0], &[0, 2, 0], &[0, 0, 3], &[0, 0, 0]]);
        for metric in METRICS {
            assert_eq!(krippendorff_alpha(&data, metric), None, "{metric:?}");
            assert_eq!(krippendorff_alpha(&[], metric), None, "{metric:?}");
            assert_eq!(krippendorff_alpha(&[vec![]], metric), None, "{metric:?}");
            assert_eq!(krippendorff_alpha(&[vec![Some(1.0)]], metric), None);
        }
    }

    #[test]
    fn alpha_is_none_for_rows_of_unequal_length() {
        let data = vec![vec![Some(1.0), Some(2.0)], vec![Some(1.0), Some(2.0), None]];
        assert_eq!(krippendorff_alpha(&data, Nominal), None);
    }

    #[test]
    fn alpha_is_none_for_non_finite_values() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let data = vec![vec![Some(1.0), Some(2.0)], vec![Some(bad), Some(2.0)]];
            for metric in METRICS {
                assert_eq!(krippendorff_alpha(&data, metric), None, "{metric:?} {bad}");
            }
        }
    }

    #[test]
    fn alpha_is_one_for_perfect_agreement_with_variation() {
        let data = with_missing(&[&[1, 1, 1], &[4, 0, 4], &[2, 2, 0], &[0, 5, 5], &[9, 0, 0]]);
        for metric in METRICS {
            assert_eq!(krippendorff_alpha(&data, metric), Some(1.0), "{metric:?}");
        }
    }

    #[test]
    fn alpha_of_one_disagreeing_pair_is_zero() {
        // n = 2: D_o = D_e, the smallest data set on which alpha is defined.
        let data = vec![vec![Some(1.0), Some(2.0)]];
        for metric in METRICS {
            assert_eq!(krippendorff_alpha(&data, metric), Some(0.0), "{metric:?}");
        }
    }

    #[test]
    fn alpha_leaves_out_units_with_a_single_value() {
        let mut data = krippendorff_example();
        let before: Vec<_> = METRICS
            .iter()
            .map(|&m| krippendorff_alpha(&data, m))
            .collect();
        data.push(vec![None, Some(5.0), None, None]);
        data.push(vec![None, None, None, None]);
        data.insert(0, vec![None, None, Some(1.0), None]);
        let after: Vec<_> = METRICS
            .iter()
            .map(|&m| krippendorff_alpha(&data, m))
            .collect();
        assert_eq!(before, after);
    }

    #[test]
    fn icc_is_none_with_fewer_than_two_judges_or_targets() {
        assert_eq!(icc(&[]), None);
        assert_eq!(icc(&matrix(&[&[1], &[2], &[3]])), None);
        assert_eq!(icc(&matrix(&[&[1, 2, 3]])), None);
        assert_eq!(icc(&[vec![], vec![]]), None);
    }

    #[test]
    fn icc_is_none_for_rows_of_unequal_length() {
        assert_eq!(icc(&matrix(&[&[1, 2], &[2, 3, 4], &[3, 4]])), None);
        assert_eq!(icc(&matrix(&[&[1, 2], &[2, 3], &[3]])), None);
    }

    #[test]
    fn icc_is_none_for_non_finite_ratings() {
        for bad in [f64::NAN, f64::INFINITY] {
            assert_eq!(icc(&[vec![1.0, 2.0], vec![bad, 3.0]]), None);
        }
    }

    #[test]
    fn icc_forms_with_a_zero_denominator_are_none_when_all_ratings_are_identical() {
        // Every mean square is 0, so every denominator is.
        let none = Icc {
            icc1_1: None,
            icc2_1: None,
            icc3_1: None,
            icc1_k: None,
            icc2_k: None,
            icc3_k: None,
        };
        assert_eq!(icc(&matrix(&[&[4, 4, 4], &[4, 4, 4]])), Some(none));
        // Non-integers too: the shift by the first rating makes them exact zeros.
        assert_eq!(icc(&[vec![0.1; 3], vec![0.1; 3], vec![0.1; 3]]), Some(none));
    }

    #[test]
    fn icc_is_one_for_perfect_agreement_with_variation() {
        let icc = icc(&matrix(&[&[1, 1, 1], &[5, 5, 5], &[2, 2, 2], &[4, 4, 4]])).unwrap();
        let all = [
            icc.icc1_1, icc.icc2_1, icc.icc3_1, icc.icc1_k, icc.icc2_k, icc.icc3_k,
        ];
        assert_eq!(all, [Some(1.0); 6]);
    }

    #[test]
    fn icc_consistency_forms_ignore_a_judge_who_is_uniformly_harsher() {
        // Judge 2 gives everyone 3 points less: no residual, so ICC(3,·) = 1 while the
        // absolute-agreement forms ICC(1,·) and ICC(2,·) are penalised.
        let icc = icc(&matrix(&[&[4, 1], &[6, 3], &[9, 6], &[5, 2]])).unwrap();
        assert_eq!((icc.icc3_1, icc.icc3_k), (Some(1.0), Some(1.0)));
        for value in [icc.icc1_1, icc.icc2_1, icc.icc1_k, icc.icc2_k] {
            assert!(value.unwrap() < 1.0);
        }
    }

    // ----- Properties on pseudo-random data ---------------------------------------------

    /// SplitMix64 (Steele, Lea & Flood 2014): tiny, deterministic, good enough to make
    /// varied test data without a crate.
    struct Rng(u64);

    impl Rng {
        fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// Uniform in 0..n (the modulo bias is irrelevant here).
        fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n as u64) as usize
        }

        /// Uniform in [0, 1).
        fn unit(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
        }

        fn shuffle<T>(&mut self, items: &mut [T]) {
            for i in (1..items.len()).rev() {
                items.swap(i, self.below(i + 1));
            }
        }
    }

    /// A data set of 2–6 raters and 3–15 units, 0–40 % missing. Values are integers 1–5,
    /// or (when `fractional`) a mix of integers, halves and arbitrary reals in [1, 5].
    fn random_units(rng: &mut Rng, fractional: bool) -> Vec<Vec<Option<f64>>> {
        let raters = 2 + rng.below(5);
        let units = 3 + rng.below(13);
        let missing = 0.4 * rng.unit();
        (0..units)
            .map(|_| {
                (0..raters)
                    .map(|_| {
                        if rng.unit() < missing {
                            return None;
                        }
                        let whole = (1 + rng.below(5)) as f64;
                        Some(if !fractional {
                            whole
                        } else {
                            match rng.below(3) {
                                0 => whole,
                                1 => 0.5 + (1 + rng.below(8)) as f64 / 2.0,
                                _ => 1.0 + 4.0 * rng.unit(),
                            }
                        })
                    })
                    .collect()
            })
            .collect()
    }

    /// Alpha equal up to rounding, or both undefined.
    fn assert_same_alpha(a: Option<f64>, b: Option<f64>, tolerance: f64, what: &str) {
        match (a, b) {
            (Some(x), Some(y)) => assert!((x - y).abs() < tolerance, "{what}: {x} vs {y}"),
            (None, None) => {}
            _ => panic!("{what}: {a:?} vs {b:?}"),
        }
    }

    #[test]
    fn alpha_is_invariant_to_permuting_raters_and_units() {
        let mut rng = Rng(1);
        for round in 0..300 {
            let data = random_units(&mut rng, round % 2 == 1);
            let mut rater_order: Vec<usize> = (0..data[0].len()).collect();
            rng.shuffle(&mut rater_order);
            let mut permuted: Vec<Vec<Option<f64>>> = data
                .iter()
                .map(|row| rater_order.iter().map(|&r| row[r]).collect())
                .collect();
            rng.shuffle(&mut permuted);
            for metric in METRICS {
                assert_same_alpha(
                    krippendorff_alpha(&data, metric),
                    krippendorff_alpha(&permuted, metric),
                    1e-12,
                    &format!("round {round}, {metric:?}"),
                );
            }
        }
    }

    #[test]
    fn interval_alpha_is_invariant_to_shifting_and_positive_scaling() {
        let mut rng = Rng(2);
        for round in 0..300 {
            let data = random_units(&mut rng, round % 2 == 1);
            let scale = [0.01, 0.37, 3.0, 250.0][rng.below(4)];
            let shift = [-1000.0, -2.5, 0.0, 7.0, 1e4][rng.below(5)];
            let transformed: Vec<Vec<Option<f64>>> = data
                .iter()
                .map(|row| row.iter().map(|v| v.map(|x| scale * x + shift)).collect())
                .collect();
            assert_same_alpha(
                krippendorff_alpha(&data, Interval),
                krippendorff_alpha(&transformed, Interval),
                1e-9,
                &format!("round {round}, x -> {scale} x + {shift}"),
            );
        }
    }

    #[test]
    fn ordinal_alpha_depends_only_on_the_order_and_nominal_only_on_the_categories() {
        let mut rng = Rng(3);
        for round in 0..300 {
            let data = random_units(&mut rng, false);
            // Strictly increasing but far from linear: same ranks, different spacing.
            let monotone: Vec<Vec<Option<f64>>> = data
                .iter()
                .map(|row| row.iter().map(|v| v.map(|x| x.powi(3) - 10.0)).collect())
                .collect();
            assert_eq!(
                krippendorff_alpha(&data, Ordinal),
                krippendorff_alpha(&monotone, Ordinal),
                "round {round}"
            );
            // One-to-one but order-scrambling relabelling of 1..=5.
            let relabel = [0.0, 40.0, -3.0, 17.0, 0.5, 2.0];
            let relabelled: Vec<Vec<Option<f64>>> = data
                .iter()
                .map(|row| row.iter().map(|v| v.map(|x| relabel[x as usize])).collect())
                .collect();
            assert_eq!(
                krippendorff_alpha(&data, Nominal),
                krippendorff_alpha(&relabelled, Nominal),
                "round {round}"
            );
        }
    }

    // ----- Cross-check against the PyPI package `krippendorff` -------------------------

    const REFERENCE_SCRIPT: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/reference/krippendorff_reference.py"
    );

    fn metric_name(metric: Metric) -> &'static str {
        match metric {
            Nominal => "nominal",
            Ordinal => "ordinal",
            Interval => "interval",
        }
    }

    /// `{"datasets": [{"metric": …, "units": [[v|null, …], …]}, …]}`. `{:?}` prints the
    /// shortest decimal that reads back as the same f64, and always a valid JSON number
    /// for finite values, so Python sees exactly our values.
    fn to_json(datasets: &[(Metric, Vec<Vec<Option<f64>>>)]) -> String {
        let sets: Vec<String> = datasets
            .iter()
            .map(|(metric, units)| {
                let rows: Vec<String> = units
                    .iter()
                    .map(|row| {
                        let cells: Vec<String> = row
                            .iter()
                            .map(|v| v.map_or_else(|| "null".to_string(), |x| format!("{x:?}")))
                            .collect();
                        format!("[{}]", cells.join(","))
                    })
                    .collect();
                format!(
                    r#"{{"metric":"{}","units":[{}]}}"#,
                    metric_name(*metric),
                    rows.join(",")
                )
            })
            .collect();
        format!(r#"{{"datasets":[{}]}}"#, sets.join(","))
    }

    /// Reads `{"alphas": [float|null, …]}` (the script's whole output, nothing nested).
    fn parse_alphas(json: &str) -> Vec<Option<f64>> {
        let start = json.find('[').expect("no '[' in the script's output");
        let end = json.rfind(']').expect("no ']' in the script's output");
        let body = json[start + 1..end].trim();
        if body.is_empty() {
            return Vec::new();
        }
        body.split(',')
            .map(|item| match item.trim() {
                "null" => None,
                number => Some(
                    number
                        .parse()
                        .unwrap_or_else(|_| panic!("not a number: {number:?} in {json}")),
                ),
            })
            .collect()
    }

    fn run_reference(input: &str) -> String {
        use std::io::Write;
        use std::process::{Command, Stdio};

        const HINT: &str = "this test needs Python with the PyPI package `krippendorff`: \
            run ./test, which installs it (into .tools/py), or set REVALIGN_PYTHON to a \
            Python that has it";
        let python = std::env::var("REVALIGN_PYTHON").unwrap_or_else(|_| "python3".into());
        let mut child = Command::new(&python)
            .arg(REFERENCE_SCRIPT)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start `{python}` ({e}); {HINT}"));
        // The script reads all of stdin before it writes, so writing first cannot block.
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(input.as_bytes())
            .unwrap_or_else(|e| panic!("could not write to `{python}` ({e}); {HINT}"));
        let output = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("`{python}` did not finish ({e}); {HINT}"));
        assert!(
            output.status.success(),
            "`{python} {REFERENCE_SCRIPT}` failed ({}); {HINT}.\nstderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("the script prints UTF-8")
    }

    /// The acceptance bar: alpha agrees with the `krippendorff` package (0.9.0) to 1e-6 on
    /// random data sets with missing values, and is `None` exactly where the package's
    /// alpha is undefined. The package signals "undefined" by NaN (D_e = 0) or by a
    /// ValueError (one distinct value, or no pairable unit); the script turns both into
    /// null. Those are the same conditions under which we return `None`, so the
    /// degenerate sets that the generator produces stay in, and three are added on
    /// purpose so that the `None` branch is always compared.
    #[test]
    fn alpha_matches_the_krippendorff_package_on_random_data() {
        let mut rng = Rng(2024);
        let mut datasets: Vec<(Metric, Vec<Vec<Option<f64>>>)> = (0..200)
            .map(|i| {
                let metric = METRICS[i % 3];
                // Half of the interval sets have non-integer values.
                let fractional = metric == Interval && (i / 3) % 2 == 1;
                (metric, random_units(&mut rng, fractional))
            })
            .collect();
        datasets.push((Ordinal, with_missing(&[&[2, 2, 2], &[2, 0, 2]])));
        datasets.push((Nominal, with_missing(&[&[1, 0, 0], &[0, 2, 0], &[0, 0, 3]])));
        datasets.push((
            Interval,
            with_missing(&[&[3, 3, 0], &[5, 0, 0], &[0, 0, 1]]),
        ));

        let theirs = parse_alphas(&run_reference(&to_json(&datasets)));
        assert_eq!(theirs.len(), datasets.len(), "one alpha per data set");

        let mut largest = 0.0f64;
        let mut undefined = 0;
        let mut mismatches = Vec::new();
        for (i, ((metric, units), theirs)) in datasets.iter().zip(&theirs).enumerate() {
            let ours = krippendorff_alpha(units, *metric);
            match (ours, *theirs) {
                (Some(a), Some(b)) => {
                    largest = largest.max((a - b).abs());
                    if (a - b).abs() >= 1e-6 {
                        mismatches.push(format!("set {i} ({metric:?}): ours {a}, package {b}"));
                    }
                }
                (None, None) => undefined += 1,
                _ => mismatches.push(format!(
                    "set {i} ({metric:?}): ours {ours:?}, package {theirs:?}, units {units:?}"
                )),
            }
        }
        println!(
            "{} data sets: {} defined, largest |ours - package| = {largest:e}; {undefined} \
             undefined on both sides",
            datasets.len(),
            datasets.len() - undefined
        );
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
        assert!(
            undefined >= 3,
            "the deliberate degenerate sets were compared"
        );
    }
}
