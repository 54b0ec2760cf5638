//! Computed campaign results, kept in memory until a response is submitted.
//!
//! Results depend only on a campaign's model version, its anonymity threshold and its
//! submitted responses, which never change once submitted. So a campaign's results stay
//! valid while the number of submitted responses and the time of the latest submission
//! stay the same; that pair is read with one index-only query, far cheaper than reading
//! 400,000 answers again. A submission between reading the key and reading the answers can
//! only store newer results under an older key, which the next read then recomputes: the
//! cache never serves results older than the key it was asked with.

use crate::domain::results::CampaignResults;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

/// At most this many campaigns are kept; when full, the cache starts over (results are
/// recomputed on demand, so forgetting is always safe).
const CAPACITY: usize = 256;

/// What a campaign's results were computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsKey {
    pub model_hash: String,
    pub min_group_size: usize,
    pub submitted: i64,
    pub last_submitted_at: Option<i64>,
}

/// Per campaign id: the results and what they were computed from.
type Entries = HashMap<String, (ResultsKey, Arc<CampaignResults>)>;

#[derive(Clone, Default)]
pub struct ResultsCache(Arc<Mutex<Entries>>);

impl ResultsCache {
    /// The results of `campaign_id` if they were computed from exactly `key`.
    pub fn get(&self, campaign_id: &str, key: &ResultsKey) -> Option<Arc<CampaignResults>> {
        let map = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.get(campaign_id)
            .filter(|(cached, _)| cached == key)
            .map(|(_, results)| results.clone())
    }

    /// Forgets everything (the benchmark times the computation itself this way).
    pub fn clear(&self) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }

    pub fn put(&self, campaign_id: &str, key: ResultsKey, results: Arc<CampaignResults>) {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if map.len() >= CAPACITY && !map.contains_key(campaign_id) {
            map.clear();
        }
        map.insert(campaign_id.to_owned(), (key, results));
    }
}

impl fmt::Debug for ResultsCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries = self.0.lock().map(|m| m.len()).unwrap_or_default();
        f.debug_struct("ResultsCache")
            .field("entries", &entries)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(submitted: i64) -> ResultsKey {
        ResultsKey {
            model_hash: "h".into(),
            min_group_size: 3,
            submitted,
            last_submitted_at: Some(submitted * 1000),
        }
    }

    fn results(respondents: usize) -> Arc<CampaignResults> {
        Arc::new(CampaignResults {
            respondents,
            by_function: Vec::new(),
            overall: crate::domain::results::Summary {
                mean: None,
                spread: None,
                answers: 0,
                dont_know: 0,
                not_applicable: 0,
                dont_know_share: None,
            },
            dimensions: Vec::new(),
            gaps: Vec::new(),
            min_group_size: 3,
        })
    }

    #[test]
    fn results_are_served_only_for_the_key_they_were_computed_from() {
        let cache = ResultsCache::default();
        assert!(cache.get("c", &key(1)).is_none());
        cache.put("c", key(1), results(1));
        assert_eq!(cache.get("c", &key(1)).unwrap().respondents, 1);
        assert!(
            cache.get("c", &key(2)).is_none(),
            "a new submission invalidates"
        );
        assert!(cache.get("other", &key(1)).is_none());
        cache.put("c", key(2), results(2));
        assert!(cache.get("c", &key(1)).is_none());
        assert_eq!(cache.get("c", &key(2)).unwrap().respondents, 2);
    }

    #[test]
    fn a_full_cache_starts_over() {
        let cache = ResultsCache::default();
        for i in 0..CAPACITY {
            cache.put(&format!("c{i}"), key(1), results(1));
        }
        cache.put("new", key(1), results(1));
        assert!(cache.get("c0", &key(1)).is_none());
        assert!(cache.get("new", &key(1)).is_some());
    }
}
