//! Small, exact descriptive statistics for assessment results: means, sample variance,
//! within-group agreement (r_wg, r_wg(J)) and internal consistency (Cronbach's alpha).
//!
//! Every function returns `None` where the statistic is not defined (too few values, a
//! zero denominator) instead of a `NaN` that would leak into charts and JSON. Variances
//! are sample variances (divisor n - 1) throughout, as the agreement and reliability
//! literature uses them. Inputs are assumed finite; nothing here does I/O.

/// The arithmetic mean; `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// The mean of `(value, weight)` pairs, Σ w·x / Σ w.
///
/// Weights are expected to be non-negative. `None` when there are no pairs or the total
/// weight is not positive, because the mean of nothing has no value (not 0).
pub fn weighted_mean(pairs: &[(f64, f64)]) -> Option<f64> {
    let total_weight: f64 = pairs.iter().map(|&(_, w)| w).sum();
    if pairs.is_empty() || total_weight <= 0.0 {
        return None;
    }
    Some(pairs.iter().map(|&(x, w)| x * w).sum::<f64>() / total_weight)
}

/// The sample variance Σ(x - x̄)² / (n - 1); `None` for fewer than two values.
///
/// Computed in two passes (mean first, then squared deviations), which avoids the
/// cancellation of the Σx² - n·x̄² shortcut.
pub fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let squares: f64 = values.iter().map(|x| (x - m) * (x - m)).sum();
    Some(squares / (values.len() - 1) as f64)
}

/// The sample standard deviation, √(sample variance); `None` for fewer than two values.
pub fn sample_std_dev(values: &[f64]) -> Option<f64> {
    sample_variance(values).map(f64::sqrt)
}

/// Mean and sample variance accumulated one value at a time (Welford's method), for
/// callers that cannot keep all values in memory or want one pass over their data.
///
/// Welford's update is numerically stable, unlike summing squares; its results agree with
/// [`mean`] and [`sample_variance`] up to floating-point rounding.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RunningStats {
    count: usize,
    mean: f64,
    /// Sum of squared deviations from the current mean.
    m2: f64,
}

impl RunningStats {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one value.
    pub fn push(&mut self, value: f64) {
        self.count += 1;
        let delta = value - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (value - self.mean);
    }

    /// How many values were pushed.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The mean so far; `None` before the first value.
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then_some(self.mean)
    }

    /// The sample variance so far; `None` for fewer than two values.
    pub fn sample_variance(&self) -> Option<f64> {
        (self.count >= 2).then(|| self.m2 / (self.count - 1) as f64)
    }

    /// The sample standard deviation so far; `None` for fewer than two values.
    pub fn sample_std_dev(&self) -> Option<f64> {
        self.sample_variance().map(f64::sqrt)
    }
}

/// The variance a rating would have if raters answered at random, uniformly over an
/// `A`-point scale: σ²_EU = (A² - 1) / 12 (2 for five points, 4 for seven).
///
/// This is the "no agreement" reference of James, Demaree & Wolf (1984). `None` for a
/// scale of fewer than two points, where there is nothing to disagree about.
pub fn uniform_null_variance(scale_points: u8) -> Option<f64> {
    if scale_points < 2 {
        return None;
    }
    let a = f64::from(scale_points);
    Some((a * a - 1.0) / 12.0)
}

/// Single-item within-group agreement r_wg (James, Demaree & Wolf, 1984):
/// 1 - s² / σ²_EU, where s² is the sample variance of the group's ratings and σ²_EU the
/// variance under a uniform (random answering) null, see [`uniform_null_variance`].
///
/// 1 means everyone gave the same rating; 0 means the ratings vary as much as random
/// answers would. When the observed variance exceeds the null variance (the group is
/// split, e.g. half 1s and half 5s), the raw value is negative; it is truncated to 0, as
/// LeBreton & Senter (2008) recommend, because "less than no agreement" has no meaning
/// under this null. The result is therefore always in [0, 1].
///
/// `None` for fewer than two ratings or a scale of fewer than two points.
pub fn r_wg(ratings: &[f64], scale_points: u8) -> Option<f64> {
    let null_variance = uniform_null_variance(scale_points)?;
    let variance = sample_variance(ratings)?;
    Some((1.0 - variance / null_variance).clamp(0.0, 1.0))
}

/// Multi-item within-group agreement r_wg(J) (James, Demaree & Wolf, 1984) over parallel
/// items, each given as the group's ratings of that item.
///
/// r_wg(J) = J·(1 - s̄²/σ²_EU) / (J·(1 - s̄²/σ²_EU) + s̄²/σ²_EU), where s̄² is the mean of
/// the items' sample variances and J the number of items that have one. Items with fewer
/// than two ratings have no variance and are left out (so J counts only the rest);
/// `None` when no item qualifies. See [`r_wg_j_from_item_variances`] for the truncation.
pub fn r_wg_j(items: &[Vec<f64>], scale_points: u8) -> Option<f64> {
    let variances: Vec<f64> = items
        .iter()
        .filter_map(|ratings| sample_variance(ratings))
        .collect();
    r_wg_j_from_item_variances(&variances, scale_points)
}

/// r_wg(J) from the items' sample variances, for callers that already have them (one
/// variance per item that has at least two ratings; J = `item_variances.len()`).
///
/// The (1 - s̄²/σ²_EU) part is truncated at 0, as is customary: when the items vary more
/// than random answers would, the formula would otherwise give negative or above-1
/// values, while the truncated form gives 0 ("no agreement"). The result is in [0, 1].
/// `None` when there are no variances or the scale has fewer than two points.
pub fn r_wg_j_from_item_variances(item_variances: &[f64], scale_points: u8) -> Option<f64> {
    let null_variance = uniform_null_variance(scale_points)?;
    let mean_variance = mean(item_variances)?;
    let j = item_variances.len() as f64;
    let ratio = mean_variance / null_variance;
    let agreement = j * (1.0 - ratio).max(0.0);
    // Both terms are >= 0 and cannot both be 0: either ratio > 0 or agreement = J > 0.
    Some(agreement / (agreement + ratio))
}

/// Cronbach's alpha, the internal consistency of a set of items, from a respondents ×
/// items table where `None` is a missing answer.
///
/// α = k/(k-1) · (1 - Σ var_i / var_total), with sample variances of each item and of the
/// respondents' total scores. Missing data are handled by listwise deletion: a row with any
/// `None` (or shorter than the longest row, whose length is taken as k) is dropped, so every
/// variance is computed over the same respondents.
///
/// `None` when there are fewer than two items or fewer than three complete rows (alpha from
/// two people says nothing), or when the total score does not vary. Alpha is not truncated:
/// a negative value is a real (if alarming) finding that the items do not hang together.
pub fn cronbach_alpha(rows: &[Vec<Option<f64>>]) -> Option<f64> {
    let k = rows.iter().map(Vec::len).max()?;
    let mut complete = Vec::new();
    for row in rows.iter().filter(|row| row.len() == k) {
        if row.iter().all(Option::is_some) {
            complete.extend(row.iter().flatten());
        }
    }
    cronbach_alpha_complete(&complete, k)
}

/// Cronbach's alpha over complete rows stored flat, row-major: respondent `r`'s answer to
/// item `i` is `values[r * k + i]`. Same definition and `None` cases as
/// [`cronbach_alpha`]; this form lets callers avoid building a `Vec` per respondent.
/// `None` too when `values.len()` is not a multiple of `k`.
pub fn cronbach_alpha_complete(values: &[f64], k: usize) -> Option<f64> {
    if k < 2 || !values.len().is_multiple_of(k) {
        return None;
    }
    let n = values.len() / k;
    if n < 3 {
        return None;
    }
    let rows = || values.chunks_exact(k);
    let item_variance_sum: f64 = (0..k)
        .map(|i| {
            let item_mean = rows().map(|row| row[i]).sum::<f64>() / n as f64;
            rows().map(|row| (row[i] - item_mean).powi(2)).sum::<f64>() / (n - 1) as f64
        })
        .sum();
    let totals: Vec<f64> = rows().map(|row| row.iter().sum()).collect();
    let total_variance = sample_variance(&totals)?;
    if total_variance <= 0.0 {
        return None;
    }
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_variance_sum / total_variance))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("expected a value, got None");
        assert!(
            (actual - expected).abs() < 1e-12,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn mean_of_values_and_none_for_nothing() {
        // (1 + 2 + 3 + 4) / 4 = 2.5
        assert_close(mean(&[1.0, 2.0, 3.0, 4.0]), 2.5);
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn weighted_mean_counts_each_value_by_its_weight() {
        // (2·1 + 4·3) / (1 + 3) = 14 / 4 = 3.5
        assert_close(weighted_mean(&[(2.0, 1.0), (4.0, 3.0)]), 3.5);
        assert_eq!(weighted_mean(&[]), None);
        assert_eq!(weighted_mean(&[(3.0, 0.0)]), None);
    }

    #[test]
    fn sample_variance_divides_by_n_minus_one() {
        // Mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 7.
        let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_close(sample_variance(&values), 32.0 / 7.0);
        assert_close(sample_std_dev(&values), (32.0f64 / 7.0).sqrt());
    }

    #[test]
    fn sample_variance_needs_two_values() {
        assert_eq!(sample_variance(&[]), None);
        assert_eq!(sample_variance(&[3.0]), None);
        assert_eq!(sample_std_dev(&[3.0]), None);
        assert_close(sample_variance(&[3.0, 3.0]), 0.0);
    }

    #[test]
    fn running_stats_match_the_two_pass_versions() {
        let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let mut running = RunningStats::new();
        assert_eq!(running.mean(), None);
        running.push(values[0]);
        assert_eq!(running.sample_variance(), None);
        for &v in &values[1..] {
            running.push(v);
        }
        assert_eq!(running.count(), 8);
        assert_close(running.mean(), 5.0);
        assert_close(running.sample_variance(), 32.0 / 7.0);
        assert_close(running.sample_std_dev(), (32.0f64 / 7.0).sqrt());
    }

    #[test]
    fn uniform_null_variance_is_a_squared_minus_one_over_twelve() {
        // The values James et al. (1984) tabulate: 2 for five points, 4 for seven.
        assert_close(uniform_null_variance(5), 2.0);
        assert_close(uniform_null_variance(7), 4.0);
        assert_eq!(uniform_null_variance(1), None);
    }

    #[test]
    fn r_wg_compares_observed_with_random_variance() {
        // Ratings 3,3,4,4,5: mean 3.8; squared deviations .64+.64+.04+.04+1.44 = 2.8;
        // s² = 2.8/4 = 0.7; σ²_EU = 2; r_wg = 1 - 0.7/2 = 0.65.
        assert_close(r_wg(&[3.0, 3.0, 4.0, 4.0, 5.0], 5), 0.65);
        // Seven points: 3,5 -> s² = 2; σ²_EU = 4; 1 - 2/4 = 0.5.
        assert_close(r_wg(&[3.0, 5.0], 7), 0.5);
    }

    #[test]
    fn r_wg_is_one_for_identical_ratings() {
        assert_close(r_wg(&[4.0, 4.0, 4.0], 5), 1.0);
    }

    #[test]
    fn r_wg_is_truncated_to_zero_for_a_split_group() {
        // 1,5,1,5: mean 3, s² = 16/3 ≈ 5.33 > σ²_EU = 2, raw 1 - 2.67 < 0 -> 0.
        assert_close(r_wg(&[1.0, 5.0, 1.0, 5.0], 5), 0.0);
    }

    #[test]
    fn r_wg_needs_two_ratings_and_a_real_scale() {
        assert_eq!(r_wg(&[4.0], 5), None);
        assert_eq!(r_wg(&[1.0, 1.0], 1), None);
    }

    #[test]
    fn r_wg_j_pools_item_variances_and_skips_single_ratings() {
        // Item 1: 3,3,4,4,5 -> s² 0.7. Item 2: 2,3,4 -> mean 3, s² (1+0+1)/2 = 1.
        // Item 3 has one rating and is left out, so J = 2.
        // s̄² = 0.85; ratio = 0.85/2 = 0.425; J(1 - ratio) = 2 × 0.575 = 1.15;
        // r_wg(J) = 1.15 / (1.15 + 0.425) = 1.15 / 1.575 = 46/63.
        let items = vec![
            vec![3.0, 3.0, 4.0, 4.0, 5.0],
            vec![2.0, 3.0, 4.0],
            vec![5.0],
        ];
        assert_close(r_wg_j(&items, 5), 46.0 / 63.0);
        assert_close(r_wg_j_from_item_variances(&[0.7, 1.0], 5), 46.0 / 63.0);
    }

    #[test]
    fn r_wg_j_is_one_for_full_agreement_and_zero_beyond_random() {
        assert_close(r_wg_j(&[vec![4.0, 4.0], vec![2.0, 2.0, 2.0]], 5), 1.0);
        // s̄² = 16/3 > 2: the (1 - s̄²/σ²) part is truncated at 0, so r_wg(J) = 0.
        assert_close(r_wg_j(&[vec![1.0, 5.0, 1.0, 5.0]], 5), 0.0);
    }

    #[test]
    fn r_wg_j_is_none_when_no_item_has_two_ratings() {
        assert_eq!(r_wg_j(&[vec![4.0], vec![]], 5), None);
        assert_eq!(r_wg_j(&[], 5), None);
    }

    fn rows(table: &[&[f64]]) -> Vec<Vec<Option<f64>>> {
        table
            .iter()
            .map(|row| row.iter().copied().map(Some).collect())
            .collect()
    }

    #[test]
    fn cronbach_alpha_matches_a_hand_computed_table() {
        // Items (columns) over four respondents:
        //   item 1: 1,2,3,4 -> mean 2.5,  squared deviations 5,    var 5/3
        //   item 2: 2,3,3,5 -> mean 3.25, squared deviations 4.75, var 4.75/3
        //   item 3: 2,3,4,5 -> mean 3.5,  squared deviations 5,    var 5/3
        //   totals: 5,8,10,14 -> mean 9.25, squared deviations 42.75, var 42.75/3
        // α = 3/2 · (1 - 14.75/42.75) = 3/2 · 28/42.75 = 56/57 ≈ 0.98246
        // (checked with Python's fractions module).
        let table = rows(&[
            &[1.0, 2.0, 2.0],
            &[2.0, 3.0, 3.0],
            &[3.0, 3.0, 4.0],
            &[4.0, 5.0, 5.0],
        ]);
        assert_close(cronbach_alpha(&table), 56.0 / 57.0);
    }

    #[test]
    fn cronbach_alpha_drops_incomplete_rows() {
        let mut table = rows(&[
            &[1.0, 2.0, 2.0],
            &[2.0, 3.0, 3.0],
            &[3.0, 3.0, 4.0],
            &[4.0, 5.0, 5.0],
        ]);
        table.push(vec![Some(5.0), None, Some(1.0)]);
        table.push(vec![Some(5.0), Some(1.0)]);
        assert_close(cronbach_alpha(&table), 56.0 / 57.0);
    }

    #[test]
    fn cronbach_alpha_can_be_negative_when_items_disagree() {
        // Items 1,2,3 and 2,2,1: vars 1 and 1/3; totals 3,4,4 -> mean 11/3,
        // squared deviations 4/9+1/9+1/9 = 2/3, var 1/3.
        // α = 2 · (1 - (4/3)/(1/3)) = 2 · (1 - 4) = -6.
        let opposed = rows(&[&[1.0, 2.0], &[2.0, 2.0], &[3.0, 1.0]]);
        assert_close(cronbach_alpha(&opposed), -6.0);
    }

    #[test]
    fn cronbach_alpha_needs_two_items_and_three_complete_rows() {
        assert_eq!(cronbach_alpha(&rows(&[&[1.0], &[2.0], &[3.0]])), None);
        assert_eq!(cronbach_alpha(&rows(&[&[1.0, 2.0], &[2.0, 3.0]])), None);
        let with_gap = vec![
            vec![Some(1.0), Some(2.0)],
            vec![Some(2.0), Some(3.0)],
            vec![Some(3.0), None],
        ];
        assert_eq!(cronbach_alpha(&with_gap), None);
        assert_eq!(cronbach_alpha(&[]), None);
    }

    #[test]
    fn cronbach_alpha_is_none_when_total_scores_do_not_vary() {
        assert_eq!(
            cronbach_alpha(&rows(&[&[3.0, 3.0], &[3.0, 3.0], &[3.0, 3.0]])),
            None
        );
        // Items 1,2,3 and 3,2,1 each vary, but every total is 4.
        let mirrored = rows(&[&[1.0, 3.0], &[2.0, 2.0], &[3.0, 1.0]]);
        assert_eq!(cronbach_alpha(&mirrored), None);
    }

    #[test]
    fn cronbach_alpha_complete_reads_flat_rows() {
        let flat = [1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 5.0, 5.0];
        assert_close(cronbach_alpha_complete(&flat, 3), 56.0 / 57.0);
        assert_eq!(cronbach_alpha_complete(&flat[..11], 3), None);
    }
}
