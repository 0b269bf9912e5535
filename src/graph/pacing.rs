//! Requests paced at a quota once Graph has said it ran out: one pacer for reads (the resource-unit
//! bucket), one for writes (the write quota).
//!
//! Until the first 429 for a quota, its requests go as fast as they come: the quota is a bucket
//! that starts full (reference/graph.md section 6). From that 429 on the bucket is empty, so the
//! requests Graph accepts are what its refill pays for: those accepted since then, over the time
//! since then, less the time every request was held for a `Retry-After`, measure the refill rate
//! (whatever share of the quota other apps leave, at whatever mix of costs). Requests then leave at
//! that rate, growing slowly while none is refused, so the quota stays in use with few requests
//! throttled: Graph documents that throttled requests still count against the limit, and each
//! refusal holds every request for a whole-second `Retry-After`, so probing above the rate costs
//! more than it gains. When none has been refused for a while, the quota has room again and
//! pacing ends.

use std::time::{Duration, Instant};

/// How long after the first refusal the accepted requests are counted before pacing starts.
const MEASURE_FOR: Duration = Duration::from_secs(1);
/// With none refused for this long the bucket has room again (the read bucket refills in 10 s; the
/// write bucket gains 600 writes at the documented rate): pacing ends.
const CALM: Duration = Duration::from_secs(30);
/// Pace at the measured rate: above it every refusal costs a whole-second hold of all requests.
const HEADROOM: f64 = 1.0;
/// While none is refused the rate grows by 2% every two seconds, so a rate measured low (while
/// fewer requests came than the quota allows) catches up, doubling in about 70 s.
const GROWTH: f64 = 1.02;
const GROWTH_EVERY_SECONDS: f64 = 2.0;

/// Since when requests have been refused, and how many Graph accepted since.
struct Saturation {
    since: Instant,
    last_throttled: Instant,
    accepted: u64,
    /// Time since `since` during which every request was held, and when the latest hold ends.
    held: Duration,
    held_until: Option<Instant>,
}

#[derive(Default)]
pub struct QuotaPacer {
    saturation: Option<Saturation>,
    /// The end of the last reservation: the next request leaves no earlier.
    next_slot: Option<Instant>,
}

impl QuotaPacer {
    /// A request was refused for this quota.
    pub fn throttled(&mut self, now: Instant) {
        match &mut self.saturation {
            Some(saturation) if now.duration_since(saturation.last_throttled) < CALM => {
                saturation.last_throttled = now;
            }
            _ => {
                self.saturation = Some(Saturation {
                    since: now,
                    last_throttled: now,
                    accepted: 0,
                    held: Duration::ZERO,
                    held_until: None,
                });
                self.next_slot = None;
            }
        }
    }

    /// Every request of this quota is held from `now` until `until` (a `Retry-After`): no request
    /// could be accepted then, so that time does not count in the measured rate.
    pub fn held(&mut self, now: Instant, until: Instant) {
        if let Some(saturation) = &mut self.saturation {
            let from = saturation.held_until.map_or(now, |end| end.max(now));
            if until > from {
                saturation.held += until - from;
                saturation.held_until = Some(until);
            }
        }
    }

    /// Graph accepted `requests` requests.
    pub fn accepted(&mut self, requests: u64) {
        if let Some(saturation) = &mut self.saturation {
            saturation.accepted += requests;
        }
    }

    /// The requests per second to pace at, if they are paced now.
    pub fn rate(&mut self, now: Instant) -> Option<f64> {
        let saturation = self.saturation.as_mut()?;
        let calm = now.duration_since(saturation.last_throttled);
        if calm >= CALM {
            self.saturation = None;
            self.next_slot = None;
            return None;
        }
        // Holds still to come do not count yet.
        let held_ahead = saturation
            .held_until
            .map_or(Duration::ZERO, |end| end.saturating_duration_since(now));
        let measured_for = now
            .duration_since(saturation.since)
            .saturating_sub(saturation.held.saturating_sub(held_ahead));
        if measured_for < MEASURE_FOR || saturation.accepted == 0 {
            return None;
        }
        let measured = saturation.accepted as f64 / measured_for.as_secs_f64();
        Some(measured * HEADROOM * GROWTH.powf(calm.as_secs_f64() / GROWTH_EVERY_SECONDS))
    }

    /// When `requests` requests (a `$batch` envelope's items) may leave: now when they are not
    /// paced, else once the slots reserved before them and their own have passed (the bucket
    /// refills meanwhile).
    pub fn reserve(&mut self, requests: u64, now: Instant) -> Instant {
        if requests == 0 {
            return now;
        }
        let Some(rate) = self.rate(now) else {
            return now;
        };
        let start = self.next_slot.map_or(now, |slot| slot.max(now));
        let until = start + Duration::from_secs_f64(requests as f64 / rate);
        self.next_slot = Some(until);
        until
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn requests_go_unpaced_until_the_quota_is_first_reported_spent() {
        let mut pacer = QuotaPacer::default();
        let t0 = Instant::now();
        assert_eq!(pacer.reserve(20, t0), t0);
        pacer.accepted(3_000);
        assert_eq!(pacer.reserve(20, t0 + secs(1.0)), t0 + secs(1.0));
    }

    #[test]
    fn after_a_refusal_they_leave_at_the_measured_refill_rate() {
        let mut pacer = QuotaPacer::default();
        let t0 = Instant::now();
        pacer.throttled(t0);
        pacer.accepted(10);
        // Still measuring: not paced.
        assert_eq!(pacer.reserve(1, t0 + secs(0.5)), t0 + secs(0.5));
        pacer.accepted(10);
        // 20 accepted in the first second, and one refused just then: requests leave at 20 per
        // second.
        let now = t0 + secs(1.0);
        pacer.throttled(now);
        assert!(close(pacer.rate(now).expect("paced"), 20.0));
        let first = pacer.reserve(20, now);
        let second = pacer.reserve(20, now);
        assert!(close(first.duration_since(now).as_secs_f64(), 1.0));
        assert!(close(second.duration_since(first).as_secs_f64(), 1.0));
    }

    #[test]
    fn time_held_for_retry_after_does_not_lower_the_measured_rate() {
        let mut pacer = QuotaPacer::default();
        let t0 = Instant::now();
        pacer.throttled(t0);
        // Held for a second (a whole-second Retry-After), then 20 accepted in the next second.
        pacer.held(t0, t0 + secs(1.0));
        pacer.held(t0 + secs(0.5), t0 + secs(1.0));
        pacer.accepted(20);
        let now = t0 + secs(2.0);
        pacer.throttled(now);
        assert!(close(pacer.rate(now).expect("paced"), 20.0));
    }

    #[test]
    fn a_rate_measured_low_grows_while_none_is_refused() {
        let mut pacer = QuotaPacer::default();
        let t0 = Instant::now();
        pacer.throttled(t0);
        pacer.accepted(5);
        let measured_at = t0 + secs(1.0);
        pacer.throttled(measured_at);
        let low = pacer.rate(measured_at).expect("paced");
        assert!(close(low, 5.0 * HEADROOM));
        // Still 5 accepted per second, and none throttled for 2 s: 2% more.
        pacer.accepted(10);
        let later = pacer.rate(measured_at + secs(2.0)).expect("paced");
        assert!(close(later / low, GROWTH), "{low} -> {later}");
    }

    #[test]
    fn pacing_ends_when_none_has_been_refused_for_a_while() {
        let mut pacer = QuotaPacer::default();
        let t0 = Instant::now();
        pacer.throttled(t0);
        pacer.accepted(100);
        assert!(pacer.rate(t0 + secs(2.0)).is_some());
        let later = t0 + CALM + secs(1.0);
        assert_eq!(pacer.reserve(20, later), later);
        // A new throttle starts a new measurement.
        pacer.throttled(later);
        assert_eq!(pacer.rate(later + secs(0.5)), None);
    }
}
