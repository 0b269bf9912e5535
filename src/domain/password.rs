//! Password rules and generated passwords.
//!
//! The local tenant never stores a password (there is nothing to sign in to); it checks the rules,
//! records when the password changed and hands a generated one back to the caller once.

/// Why a password is refused, in words an admin can act on.
pub fn check(
    password: &str,
    user_principal_name: &str,
    strong_required: bool,
) -> Result<(), String> {
    let length = password.chars().count();
    // 8 to 256 characters: Microsoft Entra ID's current limits (MSOnline's help still said 16).
    if !(8..=256).contains(&length) {
        return Err(format!(
            "it has {length} characters; a password has 8 to 256"
        ));
    }
    if password.chars().any(char::is_whitespace) {
        return Err("it contains white space".to_string());
    }
    if !strong_required {
        return Ok(());
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if classes.iter().filter(|present| **present).count() < 3 {
        return Err(
            "a strong password contains three of: lower-case letters, upper-case letters, digits, symbols".to_string(),
        );
    }
    let alias = user_principal_name
        .split('@')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if alias.len() >= 3 && password.to_lowercase().contains(&alias) {
        return Err("it contains the user name".to_string());
    }
    Ok(())
}

const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS: &[u8] = b"23456789";
const SYMBOLS: &[u8] = b"!#$%&*+-=?@^_";

/// A random 16-character password with every character class (no look-alike characters).
pub fn generate() -> String {
    let mut random = [0u8; 32];
    getrandom::getrandom(&mut random).expect("the operating system's random source is unavailable");
    let all: Vec<u8> = [LOWER, UPPER, DIGITS, SYMBOLS].concat();
    let mut chars: Vec<u8> = Vec::with_capacity(16);
    for (class, byte) in [LOWER, UPPER, DIGITS, SYMBOLS].iter().zip(&random[..4]) {
        chars.push(class[*byte as usize % class.len()]);
    }
    for byte in &random[4..16] {
        chars.push(all[*byte as usize % all.len()]);
    }
    // Shuffle so the class characters are not always first (Fisher-Yates on the remaining bytes).
    for i in (1..chars.len()).rev() {
        let j = random[16 + (i % 16)] as usize % (i + 1);
        chars.swap(i, j);
    }
    String::from_utf8(chars).expect("password alphabet is ASCII")
}

/// The password to set: `given` when it passes the rules (refused naming `field`), else a new one.
pub fn given_or_generated(
    field: &str,
    given: Option<&str>,
    user_principal_name: &str,
    strong_required: bool,
) -> super::fault::FaultResult<String> {
    match given {
        Some(given) => check(given, user_principal_name, strong_required)
            .map(|()| given.to_string())
            .map_err(|reason| {
                super::fault::Fault::invalid(field, format!("The password is refused: {reason}."))
            }),
        None => Ok(generate()),
    }
}

/// What `Set-MsolUserPassword` does to a user, after MSOnline's rules.
pub enum PasswordChange {
    /// Only make the user change the password at next sign-in.
    ForceChangeOnly,
    Set {
        password: String,
        force_change: bool,
    },
}

pub fn plan_change(
    user: &super::model::User,
    params: &super::requests::SetUserPasswordParams,
) -> super::fault::FaultResult<PasswordChange> {
    use super::fault::Fault;
    if user.is_synchronized() {
        return Err(Fault::NotSettable {
            field: "NewPassword".to_string(),
            reason: "The user is synchronized from on-premises Active Directory: reset the password there.".to_string(),
        });
    }
    if params.force_change_password_only == Some(true) {
        if params.new_password.is_some() {
            return Err(Fault::invalid("ForceChangePasswordOnly", "ForceChangePasswordOnly sets no password: leave out NewPassword, or ForceChangePasswordOnly."));
        }
        return Ok(PasswordChange::ForceChangeOnly);
    }
    Ok(PasswordChange::Set {
        password: given_or_generated(
            "NewPassword",
            params.new_password.as_deref(),
            &user.user_principal_name,
            user.strong_password_required,
        )?,
        force_change: params.force_change_password.unwrap_or(true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_pass_the_strong_rules() {
        for _ in 0..200 {
            let password = generate();
            assert_eq!(password.len(), 16);
            check(&password, "someone@contoso.com", true).unwrap();
        }
    }

    #[test]
    fn strong_rules_name_the_problem() {
        assert!(check("short", "a@b.c", true)
            .unwrap_err()
            .contains("8 to 256"));
        assert!(check("alllowercase", "a@b.c", true)
            .unwrap_err()
            .contains("three of"));
        assert!(check("Pass word1!", "a@b.c", true)
            .unwrap_err()
            .contains("white space"));
        assert!(check("Jsmith#2024", "jsmith@contoso.com", true)
            .unwrap_err()
            .contains("user name"));
        assert!(check("alllowercase", "a@b.c", false).is_ok());
    }
}
