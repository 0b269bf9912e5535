//! Client certificates for the identity platform (reference/graph.md section 8): the signed JWT
//! assertion an app sends instead of a client secret, and its verification (the simulator's side).
//! PS256 with `x5t#S256` is the current documented form; RS256 with a SHA-1 `x5t` is the older one
//! many clients still send (whether it is still accepted is UNCONFIRMED), so both are offered.

use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::sha2::{Digest, Sha256};
use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer, Verifier};
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde_json::{json, Value};
use sha1::Sha1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    Ps256,
    Rs256,
}

impl Algorithm {
    pub fn parse(name: &str) -> Result<Algorithm, String> {
        match name.to_ascii_uppercase().as_str() {
            "PS256" => Ok(Algorithm::Ps256),
            "RS256" => Ok(Algorithm::Rs256),
            other => Err(format!(
                "'{other}' is not a certificate signing algorithm; use PS256 or RS256"
            )),
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            let c = B64[((n >> (18 - 6 * i)) & 63) as usize];
            out.push(match c {
                b'+' => '-',
                b'/' => '_',
                c => c as char,
            });
        }
    }
    out
}

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// The DER contents of every `-----BEGIN <label>-----` block of a PEM text.
fn pem_blocks(text: &str, label: &str) -> Vec<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&begin) {
        let body = &rest[start + begin.len()..];
        let Some(stop) = body.find(&end) else { break };
        if let Some(der) = base64_decode(&body[..stop]) {
            blocks.push(der);
        }
        rest = &body[stop + end.len()..];
    }
    blocks
}

/// A certificate's public key: the SubjectPublicKeyInfo inside its to-be-signed part.
fn public_key_of(certificate: &[u8]) -> Option<RsaPublicKey> {
    // One DER element: (tag, whole element, contents, rest).
    fn element(data: &[u8]) -> Option<(u8, &[u8], &[u8], &[u8])> {
        let tag = *data.first()?;
        let first = *data.get(1)?;
        let (length, header) = if first < 0x80 {
            (first as usize, 2)
        } else {
            let size = (first & 0x7f) as usize;
            let bytes = data.get(2..2 + size)?;
            (
                bytes.iter().fold(0usize, |n, b| (n << 8) | *b as usize),
                2 + size,
            )
        };
        let end = header.checked_add(length)?;
        Some((
            tag,
            data.get(..end)?,
            data.get(header..end)?,
            data.get(end..)?,
        ))
    }
    let (_, _, certificate, _) = element(certificate)?;
    let (_, _, tbs, _) = element(certificate)?;
    let mut fields = tbs;
    let mut index = 0;
    loop {
        let (tag, whole, _, rest) = element(fields)?;
        fields = rest;
        if tag == 0xa0 {
            continue; // the explicit version
        }
        // serial, signature algorithm, issuer, validity, subject, then the public key.
        if index == 5 {
            return RsaPublicKey::from_public_key_der(whole).ok();
        }
        index += 1;
    }
}

/// An app registration's certificate with its private key, for signing assertions.
pub struct ClientCertificate {
    certificate: Vec<u8>,
    key: RsaPrivateKey,
}

impl std::fmt::Debug for ClientCertificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ClientCertificate(x5t#S256 {})",
            self.thumbprint_sha256()
        )
    }
}

impl ClientCertificate {
    /// Reads a PEM text holding the certificate and its RSA private key (PKCS#8 or PKCS#1, unencrypted).
    pub fn from_pem(text: &str) -> Result<ClientCertificate, String> {
        let certificate = pem_blocks(text, "CERTIFICATE")
            .into_iter()
            .next()
            .ok_or("it holds no CERTIFICATE block")?;
        let key = pem_blocks(text, "PRIVATE KEY")
            .into_iter()
            .next()
            .and_then(|der| RsaPrivateKey::from_pkcs8_der(&der).ok())
            .or_else(|| {
                pem_blocks(text, "RSA PRIVATE KEY")
                    .into_iter()
                    .next()
                    .and_then(|der| RsaPrivateKey::from_pkcs1_der(&der).ok())
            })
            .ok_or(
                "it holds no unencrypted RSA private key (PRIVATE KEY or RSA PRIVATE KEY block)",
            )?;
        if public_key_of(&certificate).as_ref() != Some(&key.to_public_key()) {
            return Err("its private key does not belong to its certificate".to_string());
        }
        Ok(ClientCertificate { certificate, key })
    }

    pub fn thumbprint_sha256(&self) -> String {
        base64url(&Sha256::digest(&self.certificate))
    }

    /// The signed client assertion for the token endpoint `audience`, valid for ten minutes.
    pub fn assertion(&self, client_id: &str, audience: &str, algorithm: Algorithm) -> String {
        let now = chrono::Utc::now().timestamp();
        let header = match algorithm {
            Algorithm::Ps256 => {
                json!({"alg": "PS256", "typ": "JWT", "x5t#S256": self.thumbprint_sha256()})
            }
            Algorithm::Rs256 => {
                json!({"alg": "RS256", "typ": "JWT", "x5t": base64url(&Sha1::digest(&self.certificate))})
            }
        };
        let claims = json!({
            "aud": audience, "iss": client_id, "sub": client_id, "jti": uuid::Uuid::new_v4(),
            "nbf": now, "iat": now, "exp": now + 600,
        });
        let signed = format!(
            "{}.{}",
            base64url(header.to_string().as_bytes()),
            base64url(claims.to_string().as_bytes())
        );
        let signature = match algorithm {
            Algorithm::Ps256 => rsa::pss::BlindedSigningKey::<Sha256>::new(self.key.clone())
                .sign_with_rng(&mut rsa::rand_core::OsRng, signed.as_bytes())
                .to_vec(),
            Algorithm::Rs256 => rsa::pkcs1v15::SigningKey::<Sha256>::new(self.key.clone())
                .sign(signed.as_bytes())
                .to_vec(),
        };
        format!("{signed}.{}", base64url(&signature))
    }
}

/// Reads the certificates of a PEM text (for registering an app's public certificate).
pub fn certificates(text: &str) -> Vec<Vec<u8>> {
    pem_blocks(text, "CERTIFICATE")
}

/// Checks a client assertion against an app's registered certificates: the thumbprint names one,
/// its key verifies the signature, and the claims name the app and the audience and are current.
pub fn verify_assertion(
    assertion: &str,
    certificates: &[Vec<u8>],
    client_id: &str,
    audience_ok: impl Fn(&str) -> bool,
) -> Result<(), String> {
    let parts: Vec<&str> = assertion.split('.').collect();
    let [header, claims, signature] = parts.as_slice() else {
        return Err("the assertion is not a JWT".to_string());
    };
    let decode = |part: &str| -> Result<Value, String> {
        base64_decode(part)
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or_else(|| "the assertion's parts are not base64url JSON".to_string())
    };
    let (header_json, claims_json) = (decode(header)?, decode(claims)?);
    let signature = base64_decode(signature).ok_or("the signature is not base64url")?;
    let certificate = certificates
        .iter()
        .find(|c| {
            header_json["x5t#S256"].as_str() == Some(base64url(&Sha256::digest(c)).as_str())
                || header_json["x5t"].as_str() == Some(base64url(&Sha1::digest(c)).as_str())
        })
        .ok_or("no certificate registered for this application has the assertion's thumbprint")?;
    let key = public_key_of(certificate).ok_or("the registered certificate has no RSA key")?;
    let signed = format!("{header}.{claims}");
    let valid = match header_json["alg"].as_str() {
        Some("PS256") => rsa::pss::Signature::try_from(signature.as_slice()).is_ok_and(|s| {
            rsa::pss::VerifyingKey::<Sha256>::new(key)
                .verify(signed.as_bytes(), &s)
                .is_ok()
        }),
        Some("RS256") => rsa::pkcs1v15::Signature::try_from(signature.as_slice()).is_ok_and(|s| {
            rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key)
                .verify(signed.as_bytes(), &s)
                .is_ok()
        }),
        other => return Err(format!("the signing algorithm {other:?} is not supported")),
    };
    if !valid {
        return Err("the assertion's signature does not verify".to_string());
    }
    let now = chrono::Utc::now().timestamp();
    if claims_json["iss"] != client_id || claims_json["sub"] != client_id {
        return Err("the assertion's iss and sub must be the client id".to_string());
    }
    if !claims_json["aud"].as_str().is_some_and(&audience_ok) {
        return Err("the assertion's aud is not this token endpoint".to_string());
    }
    if claims_json["exp"].as_i64().is_none_or(|exp| exp < now)
        || claims_json["nbf"]
            .as_i64()
            .is_some_and(|nbf| nbf > now + 300)
    {
        return Err("the assertion has expired or is not valid yet".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            assert_eq!(
                base64_decode(&base64url(text.as_bytes())).unwrap(),
                text.as_bytes()
            );
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
    }
}
