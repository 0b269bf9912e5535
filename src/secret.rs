//! Secrets that must never be printed: the bridge's bearer secret (later: client secrets, tokens).

use std::fmt;

use rsa::sha2::{Digest, Sha256};

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

    /// The bridge's answer to a client's challenge: lower-case hex of
    /// HMAC-SHA256(secret, "msol-bridge proof\n" + challenge) (RFC 2104). Only a process that knows
    /// the secret can give it, so a client checks it before it sends the secret or a body.
    pub fn proof(&self, challenge: &str) -> String {
        let mut message = b"msol-bridge proof\n".to_vec();
        message.extend_from_slice(challenge.as_bytes());
        hmac_sha256(self.0.as_bytes(), &message)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

/// HMAC-SHA256 (RFC 2104): H((K ^ opad) || H((K ^ ipad) || message)), keys over 64 bytes hashed first.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(block.map(|b| b ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(block.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
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

    #[test]
    fn hmac_sha256_matches_rfc_4231() {
        let hex = |bytes: [u8; 32]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        // Test case 2 (a short key) and test case 6 (a key longer than the block).
        assert_eq!(
            hex(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex(hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn a_proof_depends_on_the_secret_and_the_challenge() {
        let secret = Secret::new("s3cret-value".into());
        let proof = secret.proof("00ff");
        assert_eq!(proof.len(), 64);
        assert_ne!(proof, secret.proof("00fe"));
        assert_ne!(proof, Secret::new("s3cret-valuf".into()).proof("00ff"));
    }
}
