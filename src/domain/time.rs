//! Instants on the wire: ISO 8601 in UTC with millisecond precision.
//!
//! Millisecond precision on both sides means a timestamp read from the bridge and piped back
//! (`Get-MsolUser | Set-MsolUser`) compares equal to the stored value, so it is not a change.

use std::fmt;

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp::from_datetime(Utc::now())
    }

    pub fn from_datetime(at: DateTime<Utc>) -> Timestamp {
        let millis = at.timestamp_millis();
        Timestamp(Utc.timestamp_millis_opt(millis).single().unwrap_or(at))
    }

    pub fn from_millis(millis: i64) -> Option<Timestamp> {
        Utc.timestamp_millis_opt(millis).single().map(Timestamp)
    }

    pub fn parse(text: &str) -> Option<Timestamp> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|at| Timestamp::from_datetime(at.with_timezone(&Utc)))
    }

    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    pub fn datetime(self) -> DateTime<Utc> {
        self.0
    }

    pub fn days_since(self, earlier: Timestamp) -> i64 {
        (self.0 - earlier.0).num_days()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Millis, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not an ISO 8601 date and time with an offset"
            ))
        })
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> String {
        "Timestamp".to_string()
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <DateTime<Utc>>::json_schema(gen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_at_millisecond_precision() {
        let parsed = Timestamp::parse("2024-03-01T10:20:30.123456+02:00").unwrap();
        assert_eq!(parsed.to_string(), "2024-03-01T08:20:30.123Z");
        assert_eq!(Timestamp::parse(&parsed.to_string()), Some(parsed));
    }

    #[test]
    fn refuses_times_without_offset() {
        assert_eq!(Timestamp::parse("2024-03-01T10:20:30"), None);
    }
}
