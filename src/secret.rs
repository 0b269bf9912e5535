//! Secrets that must never be printed: the bridge's bearer secret (later: client secrets, tokens).

use std::fmt;

#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// The shortest secret the bridge accepts: guessing it must be out of reach.
    pub const MIN_LENGTH: usize = 32;

    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// Only where the secret is compared or sent.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Compares in time independent of where the inputs differ (bearer checks must not leak the secret).
    pub fn matches(&self, candidate: &str) -> bool {
        let expected = self.0.as_bytes();
        let given = candidate.as_bytes();
        let mut difference = expected.len() ^ given.len();
        for (index, byte) in expected.iter().enumerate() {
            difference |= usize::from(byte ^ given.get(index).copied().unwrap_or(0));
        }
        difference == 0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_only_the_exact_secret_and_never_prints_it() {
        let secret = Secret::new("s3cret-value".into());
        assert!(secret.matches("s3cret-value"));
        assert!(!secret.matches("s3cret-valu"));
        assert!(!secret.matches("s3cret-value!"));
        assert!(!secret.matches(""));
        assert!(!format!("{secret:?}").contains("s3cret"));
    }
}
