//! Base64 (RFC 4648): the URL-safe alphabet without padding for JWTs, the standard one with
//! padding, and a decoder that reads
//! either alphabet, with or without padding and line breaks (PEM bodies, JWT parts).

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The URL-safe alphabet without padding (JWT parts).
pub fn encode_url(bytes: &[u8]) -> String {
    encode_with(bytes, true)
}

/// The standard alphabet with padding (Graph's Edm.Binary values).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = encode_with(bytes, false);
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

fn encode_with(bytes: &[u8], url_safe: bool) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            let c = B64[((n >> (18 - 6 * i)) & 63) as usize];
            out.push(match c {
                b'+' if url_safe => '-',
                b'/' if url_safe => '_',
                c => c as char,
            });
        }
    }
    out
}

pub fn decode(text: &str) -> Option<Vec<u8>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            assert_eq!(
                decode(&encode_url(text.as_bytes())).unwrap(),
                text.as_bytes()
            );
        }
        assert_eq!(encode_url(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn standard_base64_pads_and_keeps_its_alphabet() {
        // RFC 4648 section 10's test vectors.
        assert_eq!(encode(b"f"), "Zg==");
        assert_eq!(encode(b"fo"), "Zm8=");
        assert_eq!(encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(encode(b"\xfb\xff"), "+/8=");
        assert_eq!(decode(&encode(b"fooba")).unwrap(), b"fooba");
    }
}
