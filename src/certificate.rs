//! Client certificates for the identity platform (reference/graph.md section 8): the signed JWT
//! assertion an app sends instead of a client secret.
//! PS256 with `x5t#S256` is the current documented form; RS256 with a SHA-1 `x5t` is the older one
//! many clients still send (whether it is still accepted is UNCONFIRMED), so both are offered.

use msol_encoding::{base64, pem};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::sha2::{Digest, Sha256};
use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde_json::json;
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
        let certificate = pem::blocks(text, "CERTIFICATE")
            .into_iter()
            .next()
            .ok_or("it holds no CERTIFICATE block")?;
        let key = pem::blocks(text, "PRIVATE KEY")
            .into_iter()
            .next()
            .and_then(|der| RsaPrivateKey::from_pkcs8_der(&der).ok())
            .or_else(|| {
                pem::blocks(text, "RSA PRIVATE KEY")
                    .into_iter()
                    .next()
                    .and_then(|der| RsaPrivateKey::from_pkcs1_der(&der).ok())
            })
            .ok_or(
                "it holds no unencrypted RSA private key (PRIVATE KEY or RSA PRIVATE KEY block)",
            )?;
        let public_key = pem::subject_public_key_info(&certificate)
            .and_then(|der| RsaPublicKey::from_public_key_der(der).ok());
        if public_key.as_ref() != Some(&key.to_public_key()) {
            return Err("its private key does not belong to its certificate".to_string());
        }
        Ok(ClientCertificate { certificate, key })
    }

    pub fn thumbprint_sha256(&self) -> String {
        base64::encode_url(&Sha256::digest(&self.certificate))
    }

    /// The signed client assertion for the token endpoint `audience`, valid for ten minutes.
    pub fn assertion(&self, client_id: &str, audience: &str, algorithm: Algorithm) -> String {
        let now = chrono::Utc::now().timestamp();
        let header = match algorithm {
            Algorithm::Ps256 => {
                json!({"alg": "PS256", "typ": "JWT", "x5t#S256": self.thumbprint_sha256()})
            }
            Algorithm::Rs256 => {
                json!({"alg": "RS256", "typ": "JWT", "x5t": base64::encode_url(&Sha1::digest(&self.certificate))})
            }
        };
        let claims = json!({
            "aud": audience, "iss": client_id, "sub": client_id, "jti": uuid::Uuid::new_v4(),
            "nbf": now, "iat": now, "exp": now + 600,
        });
        let signed = format!(
            "{}.{}",
            base64::encode_url(header.to_string().as_bytes()),
            base64::encode_url(claims.to_string().as_bytes())
        );
        let signature = match algorithm {
            Algorithm::Ps256 => rsa::pss::BlindedSigningKey::<Sha256>::new(self.key.clone())
                .sign_with_rng(&mut rsa::rand_core::OsRng, signed.as_bytes())
                .to_vec(),
            Algorithm::Rs256 => rsa::pkcs1v15::SigningKey::<Sha256>::new(self.key.clone())
                .sign(signed.as_bytes())
                .to_vec(),
        };
        format!("{signed}.{}", base64::encode_url(&signature))
    }
}

/// Reads the certificates of a PEM text (for registering an app's public certificate).
pub fn certificates(text: &str) -> Vec<Vec<u8>> {
    pem::blocks(text, "CERTIFICATE")
}
