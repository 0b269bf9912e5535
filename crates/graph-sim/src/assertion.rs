//! Client assertions (a signed JWT instead of a client secret), checked as the identity platform
//! documents them: "Microsoft identity platform application authentication certificate
//! credentials" (entra/identity-platform/certificate-credentials). PS256 with `x5t#S256` is the
//! current form; RS256 with a SHA-1 `x5t` is the older one (whether it is still accepted is
//! UNCONFIRMED; the simulator accepts it).

use msol_encoding::{base64, pem};
use rsa::pkcs8::DecodePublicKey;
use rsa::sha2::{Digest, Sha256};
use rsa::signature::Verifier;
use rsa::RsaPublicKey;
use serde_json::Value;
use sha1::Sha1;

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
        base64::decode(part)
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or_else(|| "the assertion's parts are not base64url JSON".to_string())
    };
    let (header_json, claims_json) = (decode(header)?, decode(claims)?);
    let signature = base64::decode(signature).ok_or("the signature is not base64url")?;
    let certificate = certificates
        .iter()
        .find(|c| {
            header_json["x5t#S256"].as_str()
                == Some(base64::encode_url(&Sha256::digest(c)).as_str())
                || header_json["x5t"].as_str()
                    == Some(base64::encode_url(&Sha1::digest(c)).as_str())
        })
        .ok_or("no certificate registered for this application has the assertion's thumbprint")?;
    let key = pem::subject_public_key_info(certificate)
        .and_then(|der| RsaPublicKey::from_public_key_der(der).ok())
        .ok_or("the registered certificate has no RSA key")?;
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
