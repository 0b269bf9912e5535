//! Authentication phone numbers: MSOnline stores them as `+<country code> <number>`.
//!
//! A number is accepted only with an explicit international prefix (`+`); a national number is
//! refused, never completed with a guessed country code, because a wrong guess sends MFA codes to
//! a stranger.

/// Two-digit calling codes (ITU-T E.164 assignments). One-digit codes are 1 and 7.
const TWO_DIGIT_CODES: &[&str] = &[
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// Two-digit prefixes whose codes are three digits long (`+352`, `+971`, ...).
const THREE_DIGIT_BLOCKS: &[&str] = &[
    "21", "22", "23", "24", "25", "26", "29", "35", "37", "38", "42", "50", "59", "67", "68", "69",
    "80", "85", "87", "88", "96", "97", "99",
];

/// Why a phone number cannot be used for authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    NoCountryCode,
    UnknownCountryCode,
    InvalidCharacters,
    WrongLength,
}

impl PhoneError {
    pub fn explain(&self) -> &'static str {
        match self {
            PhoneError::NoCountryCode => {
                "it has no country code: write it as +<country code> <number>, for example +1 4255550100"
            }
            PhoneError::UnknownCountryCode => "its country code is not an assigned international calling code",
            PhoneError::InvalidCharacters => {
                "it may contain only digits after the leading +, with spaces, dashes, dots or parentheses between them"
            }
            PhoneError::WrongLength => "an international number has 8 to 15 digits including the country code",
        }
    }
}

/// Normalises `number` to `+CC NATIONAL` (for example `+44 2071234567`).
pub fn normalize(number: &str) -> Result<String, PhoneError> {
    let trimmed = number.trim();
    let rest = trimmed.strip_prefix('+').ok_or(PhoneError::NoCountryCode)?;
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(PhoneError::InvalidCharacters),
        }
    }
    if !(8..=15).contains(&digits.len()) {
        return Err(PhoneError::WrongLength);
    }
    let code_length = country_code_length(&digits).ok_or(PhoneError::UnknownCountryCode)?;
    let (code, national) = digits.split_at(code_length);
    Ok(format!("+{code} {national}"))
}

fn country_code_length(digits: &str) -> Option<usize> {
    if digits.starts_with('1') || digits.starts_with('7') {
        return Some(1);
    }
    let two = digits.get(..2)?;
    if TWO_DIGIT_CODES.contains(&two) {
        Some(2)
    } else if THREE_DIGIT_BLOCKS.contains(&two) {
        Some(3)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_country_codes_of_every_length() {
        assert_eq!(normalize("+1 (425) 555-0100").unwrap(), "+1 4255550100");
        assert_eq!(normalize("+442071234567").unwrap(), "+44 2071234567");
        assert_eq!(normalize("+352 26 12 34 56").unwrap(), "+352 26123456");
        assert_eq!(normalize("+1 4255550100").unwrap(), "+1 4255550100");
    }

    #[test]
    fn refuses_what_it_would_have_to_guess() {
        assert_eq!(normalize("425 555 0100"), Err(PhoneError::NoCountryCode));
        assert_eq!(
            normalize("0041 79 123 45 67"),
            Err(PhoneError::NoCountryCode)
        );
        assert_eq!(
            normalize("+28 1234 5678"),
            Err(PhoneError::UnknownCountryCode)
        );
        assert_eq!(
            normalize("+1 425 555 0100 x12"),
            Err(PhoneError::InvalidCharacters)
        );
        assert_eq!(normalize("+1 555"), Err(PhoneError::WrongLength));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A number with an assigned country code, 8 to 15 digits in all.
    fn international_digits() -> impl Strategy<Value = String> {
        let codes: Vec<String> = ["1", "7"]
            .iter()
            .map(|c| c.to_string())
            .chain(TWO_DIGIT_CODES.iter().map(|c| c.to_string()))
            .chain(THREE_DIGIT_BLOCKS.iter().map(|block| format!("{block}2")))
            .collect();
        (
            proptest::sample::select(codes),
            proptest::collection::vec(0u8..10, 7..=12),
        )
            .prop_map(|(code, rest)| {
                let mut digits = code;
                digits.extend(rest.iter().map(|d| char::from(b'0' + d)));
                digits.truncate(15);
                digits
            })
    }

    proptest! {
        #[test]
        fn separators_never_change_the_number(digits in international_digits(), separators in proptest::collection::vec(proptest::sample::select(vec!["", " ", "-", ".", "(", ")"]), 16)) {
            let plain = normalize(&format!("+{digits}")).unwrap();
            let mut spaced = String::from("+");
            for (index, digit) in digits.chars().enumerate() {
                spaced.push_str(separators[index]);
                spaced.push(digit);
            }
            prop_assert_eq!(normalize(&spaced).unwrap(), plain.clone());
            // The normal form keeps every digit, and normalising it again changes nothing.
            prop_assert_eq!(plain.replace(['+', ' '], ""), digits);
            prop_assert_eq!(normalize(&plain).unwrap(), plain);
        }

        #[test]
        fn a_number_without_its_plus_is_never_guessed(digits in "[0-9 ()-]{1,20}") {
            prop_assert_eq!(normalize(&digits), Err(PhoneError::NoCountryCode));
        }

        #[test]
        fn anything_else_is_refused_or_normal(text in "\\PC{0,24}") {
            if let Ok(normal) = normalize(&text) {
                prop_assert!(normal.starts_with('+'));
                prop_assert_eq!(normalize(&normal).unwrap(), normal);
            }
        }
    }
}
