//! PEM (RFC 7468) blocks and the one X.509 field both sides read: a certificate's public key.

/// The DER contents of every `-----BEGIN <label>-----` block of a PEM text.
pub fn blocks(text: &str, label: &str) -> Vec<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&begin) {
        let body = &rest[start + begin.len()..];
        let Some(stop) = body.find(&end) else { break };
        if let Some(der) = crate::base64::decode(&body[..stop]) {
            blocks.push(der);
        }
        rest = &body[stop + end.len()..];
    }
    blocks
}

/// A DER certificate's public key: the SubjectPublicKeyInfo (DER) inside its to-be-signed part.
pub fn subject_public_key_info(certificate: &[u8]) -> Option<&[u8]> {
    /// One DER element: (tag, whole element, contents, rest).
    type Element<'a> = (u8, &'a [u8], &'a [u8], &'a [u8]);
    fn element(data: &[u8]) -> Option<Element<'_>> {
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
            return Some(whole);
        }
        index += 1;
    }
}
