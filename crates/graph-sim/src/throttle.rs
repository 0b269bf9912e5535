//! The identity service's throttling model (reference/graph.md section 6): a resource-unit bucket
//! and a write bucket per application and tenant, and a write bucket for the whole tenant.
//!
//! Throttled requests accrue: "throttled calls still count against the limit" (graph/throttling,
//! "Best practices to handle throttling"). A throttled request's cost is taken from the buckets
//! it was refused by, which may go into debt, and its `Retry-After` is the time until they hold
//! its cost again. So a client that waits as told and then sends one request is admitted, and a
//! client that retries early, or keeps many requests in flight, digs the hole deeper.
//!
//! Choices where the documentation is silent (UNCONFIRMED there): authentication-method and
//! `requirements` calls are charged like any other identity call; a bucket's debt is at most one
//! bucket (so the longest wait is two windows); a bucket starts full.
//!
//! `x-ms-throttle-priority: Low` requests are "throttled first" and "the header does not change the
//! limits" (reference/graph.md section 6, UNCONFIRMED beyond that): while requests of other
//! priorities have come lately, the last 20% of a bucket is kept for them; a client sending only
//! low-priority requests has the same limits as any other.

use std::collections::HashMap;
use std::time::Instant;

use super::state::TenantSize;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Resource units per 10 seconds for an app and tenant, by tenant size.
    pub read_units_per_10s: [f64; 3],
    /// Writes per 150 seconds for an app and tenant.
    pub app_writes_per_150s: f64,
    /// Writes per 300 seconds for the tenant, all apps together.
    pub tenant_writes_per_300s: f64,
}

impl Limits {
    pub const DOCUMENTED: Limits = Limits {
        read_units_per_10s: [3_500.0, 5_000.0, 8_000.0],
        app_writes_per_150s: 3_000.0,
        tenant_writes_per_300s: 18_000.0,
    };

    /// The documented limits times `factor` (tests use small factors to reach them quickly).
    pub fn scaled(factor: f64) -> Limits {
        let d = Limits::DOCUMENTED;
        Limits {
            read_units_per_10s: d.read_units_per_10s.map(|v| v * factor),
            app_writes_per_150s: d.app_writes_per_150s * factor,
            tenant_writes_per_300s: d.tenant_writes_per_300s * factor,
        }
    }
}

struct Bucket {
    capacity: f64,
    per_second: f64,
    /// Below zero while throttled requests have run the bucket into debt.
    tokens: f64,
    updated: Instant,
    /// When a request of normal or high priority last used the bucket.
    last_not_low: Option<Instant>,
}

impl Bucket {
    fn new(capacity: f64, window_seconds: f64) -> Bucket {
        Bucket {
            capacity,
            per_second: capacity / window_seconds,
            tokens: capacity,
            updated: Instant::now(),
            last_not_low: None,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.duration_since(self.updated).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.capacity);
        self.updated = now;
    }

    /// Seconds until `cost` tokens are available above `reserve` (0 when they are).
    fn wait_for(&self, cost: f64, reserve: f64) -> f64 {
        if self.tokens >= cost + reserve {
            0.0
        } else {
            (cost + reserve - self.tokens) / self.per_second
        }
    }

    /// The share of the bucket in use: above 1.0 while it is in debt.
    fn used_fraction(&self) -> f64 {
        1.0 - self.tokens / self.capacity
    }

    fn charge(&mut self, cost: f64) {
        self.tokens = (self.tokens - cost).max(-self.capacity);
    }

    /// What a request of this priority may not take: the reserve, for a low-priority request while
    /// others use the bucket.
    fn reserve_for(&self, low_priority: bool, now: Instant) -> f64 {
        let others_lately = self
            .last_not_low
            .is_some_and(|at| now.duration_since(at) < OTHERS_LATELY);
        if low_priority && others_lately {
            self.capacity * LOW_PRIORITY_RESERVE
        } else {
            0.0
        }
    }

    /// Seconds until a request of `cost` and this priority may be admitted: the bucket refilled
    /// to `now`, the request's priority noted, its reserve kept.
    fn wait(&mut self, cost: f64, low_priority: bool, now: Instant) -> f64 {
        self.refill(now);
        if !low_priority {
            self.last_not_low = Some(now);
        }
        self.wait_for(cost, self.reserve_for(low_priority, now))
    }
}

/// How long requests of other priorities count as "lately" for the low-priority reserve.
const OTHERS_LATELY: std::time::Duration = std::time::Duration::from_secs(10);

/// The share of each bucket that `x-ms-throttle-priority: Low` requests may not use while requests
/// of other priorities use it (UNCONFIRMED: reference/graph.md section 6 says only that
/// low-priority requests are throttled first).
pub const LOW_PRIORITY_RESERVE: f64 = 0.2;

/// What the throttle decided for one request.
pub enum Verdict {
    Allowed {
        /// `x-ms-throttle-limit-percentage`, sent only above 0.8.
        limit_percentage: Option<f64>,
    },
    Throttled {
        retry_after_seconds: f64,
        /// `x-ms-throttle-limit-percentage`: above 1.0 once throttled requests have accrued.
        limit_percentage: f64,
        scope: String,
        information: &'static str,
    },
}

pub struct Throttle {
    limits: Limits,
    app_reads: HashMap<String, Bucket>,
    app_writes: HashMap<String, Bucket>,
    tenant_writes: Option<Bucket>,
}

impl Throttle {
    pub fn new(limits: Limits) -> Throttle {
        Throttle {
            limits,
            app_reads: HashMap::new(),
            app_writes: HashMap::new(),
            tenant_writes: None,
        }
    }

    pub fn admit(
        &mut self,
        app_id: &str,
        tenant_id: &str,
        size: TenantSize,
        resource_units: f64,
        is_write: bool,
        low_priority: bool,
    ) -> Verdict {
        let now = Instant::now();
        let read_capacity = self.limits.read_units_per_10s[size as usize];
        let limits = self.limits;
        let reads = self
            .app_reads
            .entry(app_id.to_string())
            .or_insert_with(|| Bucket::new(read_capacity, 10.0));
        // (bucket, cost, wait before this request, the bucket's scope)
        let read_wait = reads.wait(resource_units, low_priority, now);
        let mut waits = vec![(
            BucketId::AppReads,
            resource_units,
            read_wait,
            "Tenant_Application",
        )];
        if is_write {
            let app_writes = self
                .app_writes
                .entry(app_id.to_string())
                .or_insert_with(|| Bucket::new(limits.app_writes_per_150s, 150.0));
            waits.push((
                BucketId::AppWrites,
                1.0,
                app_writes.wait(1.0, low_priority, now),
                "Tenant_Application",
            ));
            let tenant = self
                .tenant_writes
                .get_or_insert_with(|| Bucket::new(limits.tenant_writes_per_300s, 300.0));
            waits.push((
                BucketId::TenantWrites,
                1.0,
                tenant.wait(1.0, low_priority, now),
                "Tenant",
            ));
        }
        let refused: Vec<_> = waits.iter().filter(|w| w.2 > 0.0).cloned().collect();
        if refused.is_empty() {
            for (bucket, cost, _, _) in &waits {
                self.bucket(*bucket, app_id).charge(*cost);
            }
            let used = waits
                .iter()
                .map(|(bucket, ..)| self.bucket(*bucket, app_id).used_fraction())
                .fold(0.0_f64, f64::max);
            return Verdict::Allowed {
                limit_percentage: (used > 0.8).then_some(used.min(1.8)),
            };
        }
        // The refused request counts against each bucket that refused it; it may come back when
        // they hold its cost again.
        let mut retry_after_seconds = 0.0_f64;
        let mut used = 0.0_f64;
        for (bucket, cost, _, _) in &refused {
            let bucket = self.bucket(*bucket, app_id);
            let reserve = bucket.reserve_for(low_priority, now);
            bucket.charge(*cost);
            retry_after_seconds = retry_after_seconds.max(bucket.wait_for(*cost, reserve));
            used = used.max(bucket.used_fraction());
        }
        let reads_refused = refused.iter().any(|r| r.0 == BucketId::AppReads);
        let writes_refused = refused.iter().any(|r| r.0 != BucketId::AppReads);
        let (limit_name, information) = match (reads_refused, writes_refused) {
            (true, true) => ("ReadWrite", "ResourceUnitLimitExceeded"),
            (true, false) => ("Read", "ResourceUnitLimitExceeded"),
            _ => ("Write", "WriteLimitExceeded"),
        };
        // The scope of the bucket with the longest wait; the tenant-wide bucket names no app.
        let scope = refused
            .iter()
            .max_by(|a, b| a.2.total_cmp(&b.2))
            .map_or("Tenant_Application", |r| r.3);
        let subject = if scope == "Tenant" { "" } else { app_id };
        Verdict::Throttled {
            retry_after_seconds,
            limit_percentage: used.min(1.8),
            scope: format!("{scope}/{limit_name}/{subject}/{tenant_id}"),
            information,
        }
    }

    fn bucket(&mut self, which: BucketId, app_id: &str) -> &mut Bucket {
        match which {
            BucketId::AppReads => self.app_reads.get_mut(app_id).expect("created by admit"),
            BucketId::AppWrites => self.app_writes.get_mut(app_id).expect("created by admit"),
            BucketId::TenantWrites => self.tenant_writes.as_mut().expect("created by admit"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BucketId {
    AppReads,
    AppWrites,
    TenantWrites,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten resource units, refilled at one per second; writes to spare.
    fn ten_read_units() -> Throttle {
        Throttle::new(Limits {
            read_units_per_10s: [10.0; 3],
            app_writes_per_150s: 1_000.0,
            tenant_writes_per_300s: 1_000.0,
        })
    }

    #[test]
    fn writes_beyond_the_bucket_are_throttled_with_a_wait() {
        let mut throttle = Throttle::new(Limits {
            read_units_per_10s: [1_000.0; 3],
            app_writes_per_150s: 3.0,
            tenant_writes_per_300s: 1_000.0,
        });
        for _ in 0..3 {
            assert!(matches!(
                throttle.admit("app", "t", TenantSize::Small, 1.0, true, false),
                Verdict::Allowed { .. }
            ));
        }
        match throttle.admit("app", "t", TenantSize::Small, 1.0, true, false) {
            Verdict::Throttled {
                retry_after_seconds,
                scope,
                information,
                ..
            } => {
                assert!(retry_after_seconds > 0.0 && retry_after_seconds <= 100.0);
                assert_eq!(scope, "Tenant_Application/Write/app/t");
                assert_eq!(information, "WriteLimitExceeded");
            }
            Verdict::Allowed { .. } => panic!("the fourth write exceeds a bucket of three"),
        }
        assert!(matches!(
            throttle.admit("other", "t", TenantSize::Small, 1.0, false, false),
            Verdict::Allowed { .. }
        ));
    }

    const LOW: bool = true;
    const NORMAL: bool = false;

    /// One resource unit read by the app: whether it was allowed.
    fn read(throttle: &mut Throttle, low_priority: bool) -> bool {
        matches!(
            throttle.admit("app", "t", TenantSize::Small, 1.0, false, low_priority),
            Verdict::Allowed { .. }
        )
    }

    #[test]
    fn low_priority_requests_are_throttled_first() {
        let mut throttle = ten_read_units();
        // A normal request, then low-priority ones.
        assert!(read(&mut throttle, NORMAL));
        assert!((0..7).all(|_| read(&mut throttle, LOW)));
        // Two units left, the last 20% of the bucket: not for low priority, still for the rest.
        assert!(!read(&mut throttle, LOW));
        assert!(read(&mut throttle, NORMAL));
    }

    #[test]
    fn throttled_requests_accrue_and_wait_for_the_debt_they_made() {
        let mut throttle = ten_read_units();
        assert!((0..10).all(|_| read(&mut throttle, NORMAL)));
        let mut waits = Vec::new();
        for _ in 0..3 {
            match throttle.admit("app", "t", TenantSize::Small, 1.0, false, NORMAL) {
                Verdict::Throttled {
                    retry_after_seconds,
                    limit_percentage,
                    scope,
                    ..
                } => {
                    assert!(limit_percentage > 1.0, "{limit_percentage}");
                    assert_eq!(scope, "Tenant_Application/Read/app/t");
                    waits.push(retry_after_seconds);
                }
                Verdict::Allowed { .. } => panic!("the bucket is empty"),
            }
        }
        // One unit per second: each refusal adds a unit of debt and needs its own unit back.
        for (wait, expected) in waits.iter().zip([2.0, 3.0, 4.0]) {
            assert!((wait - expected).abs() < 0.1, "{waits:?}");
        }
    }

    #[test]
    fn a_write_refused_by_both_kinds_of_bucket_is_labelled_read_write() {
        let mut throttle = Throttle::new(Limits {
            read_units_per_10s: [1.0; 3],
            app_writes_per_150s: 1.0,
            tenant_writes_per_300s: 1_000.0,
        });
        throttle.admit("app", "t", TenantSize::Small, 1.0, true, false);
        match throttle.admit("app", "t", TenantSize::Small, 1.0, true, false) {
            Verdict::Throttled { scope, .. } => {
                assert_eq!(scope, "Tenant_Application/ReadWrite/app/t")
            }
            Verdict::Allowed { .. } => panic!("both buckets are empty"),
        }
    }

    #[test]
    fn a_low_priority_request_waits_for_the_units_it_lacks() {
        // One unit per second; low priority may not take the last two.
        let mut throttle = ten_read_units();
        read(&mut throttle, NORMAL);
        (0..7).for_each(|_| {
            read(&mut throttle, LOW);
        });
        match throttle.admit("app", "t", TenantSize::Small, 1.0, false, LOW) {
            Verdict::Throttled {
                retry_after_seconds,
                ..
            } => assert!(
                (1.9..=2.1).contains(&retry_after_seconds),
                "one unit short, plus the unit the refusal accrued, at one unit per second: {retry_after_seconds} s"
            ),
            Verdict::Allowed { .. } => panic!("the bucket's last 20% is not for low priority"),
        }
    }

    #[test]
    fn low_priority_alone_has_the_same_limits() {
        let mut throttle = ten_read_units();
        assert!((0..10).all(|_| read(&mut throttle, LOW)));
        assert!(!read(&mut throttle, LOW));
    }
}
