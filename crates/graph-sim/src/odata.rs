//! The part of OData the simulated user listing understands: `$filter` expressions over user
//! properties, with the advanced-query rules of reference/graph.md 3.3.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Text(String),
    Bool(bool),
    Number(f64),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    Compare {
        property: String,
        equal: bool,
        value: Literal,
    },
    StartsWith(String, String),
    EndsWith(String, String),
    /// `assignedLicenses/$count eq 0` (`equal`) or `ne 0`; also `onPremisesProvisioningErrors`.
    CountIsZero {
        property: String,
        equal: bool,
    },
}

/// Properties `eq` works on without advanced query parameters; others need them or are refused.
const DEFAULT_EQ: &[&str] = &[
    "userPrincipalName",
    "displayName",
    "accountEnabled",
    "department",
    "city",
    "country",
    "state",
    "usageLocation",
    "jobTitle",
    "givenName",
    "surname",
    "onPremisesSyncEnabled",
    "otherMails",
    "proxyAddresses",
    "mail",
    "userType",
    "id",
];
const ADVANCED_EQ: &[&str] = &[
    "mobilePhone",
    "officeLocation",
    "postalCode",
    "streetAddress",
    "preferredLanguage",
    "onPremisesImmutableId",
    "passwordPolicies",
    "companyName",
];
const STARTS_WITH: &[&str] = &[
    "userPrincipalName",
    "displayName",
    "city",
    "country",
    "state",
    "usageLocation",
    "givenName",
    "surname",
    "otherMails",
    "proxyAddresses",
    "mail",
];
const ENDS_WITH: &[&str] = &["mail", "otherMails", "userPrincipalName", "proxyAddresses"];
/// Collections `/$count eq 0` and `ne 0` work on (advanced queries; graph/api/resources/user).
const COUNTABLE: &[&str] = &["assignedLicenses", "onPremisesProvisioningErrors"];

pub struct FilterError {
    pub message: String,
}

fn unsupported(property: &str) -> FilterError {
    FilterError {
        message: format!(
            "Unsupported or invalid query filter clause specified for property '{property}' of resource 'User'."
        ),
    }
}

fn needs_advanced(operator: &str) -> FilterError {
    FilterError {
        message: format!("Operator '{operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information"),
    }
}

impl Filter {
    /// Checks the expression against the documented support table; `advanced` is true when the
    /// request carries `ConsistencyLevel: eventual` and `$count=true`.
    pub fn check(&self, advanced: bool) -> Result<(), FilterError> {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => {
                a.check(advanced)?;
                b.check(advanced)
            }
            Filter::Not(inner) => {
                if !advanced {
                    return Err(needs_advanced("not"));
                }
                inner.check(advanced)
            }
            Filter::Compare {
                property,
                equal,
                value,
            } => {
                let known = DEFAULT_EQ.contains(&property.as_str())
                    || ADVANCED_EQ.contains(&property.as_str());
                if !known {
                    return Err(unsupported(property));
                }
                if !advanced
                    && (!equal
                        || *value == Literal::Null
                        || ADVANCED_EQ.contains(&property.as_str()))
                {
                    return Err(needs_advanced(if *equal { "eq" } else { "ne" }));
                }
                Ok(())
            }
            Filter::StartsWith(property, _) => {
                if STARTS_WITH.contains(&property.as_str())
                    || (advanced && ADVANCED_EQ.contains(&property.as_str()))
                {
                    Ok(())
                } else {
                    Err(unsupported(property))
                }
            }
            Filter::EndsWith(property, _) => {
                if !ENDS_WITH.contains(&property.as_str()) {
                    return Err(unsupported(property));
                }
                if !advanced {
                    return Err(needs_advanced("endsWith"));
                }
                Ok(())
            }
            Filter::CountIsZero { property, .. } => {
                if !COUNTABLE.contains(&property.as_str()) {
                    return Err(unsupported(property));
                }
                if !advanced {
                    return Err(needs_advanced("$count"));
                }
                Ok(())
            }
        }
    }

    pub fn matches(&self, object: &Value) -> bool {
        match self {
            Filter::And(a, b) => a.matches(object) && b.matches(object),
            Filter::Or(a, b) => a.matches(object) || b.matches(object),
            Filter::Not(inner) => !inner.matches(object),
            Filter::Compare {
                property,
                equal,
                value,
            } => {
                values(object, property)
                    .iter()
                    .any(|v| literal_equals(v, value))
                    == *equal
                    || (matches!(value, Literal::Null)
                        && !*equal
                        && !values(object, property).is_empty())
            }
            Filter::StartsWith(property, prefix) => values(object, property).iter().any(|v| {
                v.as_str()
                    .is_some_and(|s| s.to_lowercase().starts_with(&prefix.to_lowercase()))
            }),
            Filter::EndsWith(property, suffix) => values(object, property).iter().any(|v| {
                v.as_str()
                    .is_some_and(|s| s.to_lowercase().ends_with(&suffix.to_lowercase()))
            }),
            Filter::CountIsZero { property, equal } => {
                let empty = object[property.as_str()]
                    .as_array()
                    .is_none_or(|a| a.is_empty());
                empty == *equal
            }
        }
    }
}

/// A property's values: one for a scalar, each element for a collection, none for null.
fn values<'a>(object: &'a Value, property: &str) -> Vec<&'a Value> {
    match &object[property] {
        Value::Null => Vec::new(),
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

fn literal_equals(value: &Value, literal: &Literal) -> bool {
    match (value, literal) {
        (Value::String(s), Literal::Text(t)) => s.eq_ignore_ascii_case(t),
        (Value::Bool(b), Literal::Bool(l)) => b == l,
        (Value::Number(n), Literal::Number(l)) => n.as_f64() == Some(*l),
        _ => false,
    }
}

/// Parses a `$filter` expression; `None` when it is not one this simulator understands.
pub fn parse(text: &str) -> Option<Filter> {
    let tokens = tokenize(text)?;
    let mut parser = Parser { tokens, at: 0 };
    let filter = parser.or()?;
    (parser.at == parser.tokens.len()).then_some(filter)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
    Comma,
}

fn tokenize(text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' => {
                chars.next();
            }
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            ',' => {
                chars.next();
                tokens.push(Token::Comma);
            }
            '\'' => {
                chars.next();
                let mut value = String::new();
                loop {
                    match chars.next()? {
                        '\'' if chars.peek() == Some(&'\'') => {
                            chars.next();
                            value.push('\'');
                        }
                        '\'' => break,
                        other => value.push(other),
                    }
                }
                tokens.push(Token::Text(value));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if " (),'".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                tokens.push(Token::Word(word));
            }
        }
    }
    Some(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn expect(&mut self, token: Token) -> Option<()> {
        (self.next()? == token).then_some(())
    }

    fn or(&mut self) -> Option<Filter> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.at += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Some(left)
    }

    fn and(&mut self) -> Option<Filter> {
        let mut left = self.term()?;
        while self.peek_word("and") {
            self.at += 1;
            left = Filter::And(Box::new(left), Box::new(self.term()?));
        }
        Some(left)
    }

    fn term(&mut self) -> Option<Filter> {
        match self.next()? {
            Token::Open => {
                let inner = self.or()?;
                self.expect(Token::Close)?;
                Some(inner)
            }
            Token::Word(word) if word.eq_ignore_ascii_case("not") => {
                self.expect(Token::Open)?;
                let inner = self.or()?;
                self.expect(Token::Close)?;
                Some(Filter::Not(Box::new(inner)))
            }
            Token::Word(word)
                if word.eq_ignore_ascii_case("startswith")
                    || word.eq_ignore_ascii_case("endswith") =>
            {
                self.expect(Token::Open)?;
                let Token::Word(property) = self.next()? else {
                    return None;
                };
                self.expect(Token::Comma)?;
                let Token::Text(value) = self.next()? else {
                    return None;
                };
                self.expect(Token::Close)?;
                Some(if word.eq_ignore_ascii_case("startswith") {
                    Filter::StartsWith(property, value)
                } else {
                    Filter::EndsWith(property, value)
                })
            }
            Token::Word(property) => {
                let Token::Word(operator) = self.next()? else {
                    return None;
                };
                // `property in ('a', 'b')` is `property eq 'a' or property eq 'b'`, under the
                // same rules as `eq` (graph/filter-query-parameter, "Operators").
                if operator.eq_ignore_ascii_case("in") {
                    self.expect(Token::Open)?;
                    let mut any: Option<Filter> = None;
                    loop {
                        let value = match self.next()? {
                            Token::Text(text) => Literal::Text(text),
                            Token::Word(w) => Literal::Number(w.parse().ok()?),
                            _ => return None,
                        };
                        let one = Filter::Compare {
                            property: property.clone(),
                            equal: true,
                            value,
                        };
                        any = Some(match any {
                            Some(left) => Filter::Or(Box::new(left), Box::new(one)),
                            None => one,
                        });
                        match self.next()? {
                            Token::Comma => continue,
                            Token::Close => break,
                            _ => return None,
                        }
                    }
                    return any;
                }
                let equal = match operator.to_ascii_lowercase().as_str() {
                    "eq" => true,
                    "ne" => false,
                    _ => return None,
                };
                let value = match self.next()? {
                    Token::Text(text) => Literal::Text(text),
                    Token::Word(w) if w == "true" => Literal::Bool(true),
                    Token::Word(w) if w == "false" => Literal::Bool(false),
                    Token::Word(w) if w == "null" => Literal::Null,
                    Token::Word(w) => Literal::Number(w.parse().ok()?),
                    _ => return None,
                };
                if let Some(collection) = property.strip_suffix("/$count") {
                    if value != Literal::Number(0.0) {
                        return None;
                    }
                    return Some(Filter::CountIsZero {
                        property: collection.to_string(),
                        equal,
                    });
                }
                Some(Filter::Compare {
                    property,
                    equal,
                    value,
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_applies_the_advanced_rules() {
        let user = json!({"userPrincipalName": "Ada@contoso.com", "accountEnabled": true, "assignedLicenses": []});
        let filter =
            parse("accountEnabled eq true and endswith(userPrincipalName,'@contoso.com')").unwrap();
        assert!(filter.matches(&user));
        assert!(filter.check(false).is_err(), "endsWith is advanced only");
        assert!(filter.check(true).is_ok());
        let count = parse("assignedLicenses/$count eq 0").unwrap();
        assert!(count.matches(&user));
        let conflicts = parse("onPremisesProvisioningErrors/$count ne 0").unwrap();
        assert!(conflicts.check(false).is_err(), "$count is advanced only");
        assert!(conflicts.check(true).is_ok());
        assert!(!conflicts.matches(&user));
        assert!(conflicts
            .matches(&json!({"onPremisesProvisioningErrors": [{"category": "PropertyConflict"}]})));
        assert!(parse("proxyAddresses/$count ne 0")
            .unwrap()
            .check(true)
            .is_err());
        let any = parse("userPrincipalName in ('x@contoso.com', 'ada@contoso.com')").unwrap();
        assert!(any.matches(&user));
        assert!(any.check(false).is_ok(), "in works where eq does");
        assert!(!parse("userType in ('Guest')")
            .unwrap()
            .matches(&json!({"userType": "Member"})));
        assert!(parse("userPrincipalName in ()").is_none());
        let quoted = parse("displayName eq 'O''Brien'").unwrap();
        assert!(quoted.matches(&json!({"displayName": "o'brien"})));
        assert!(parse("createdDateTime eq 'x'")
            .unwrap()
            .check(true)
            .is_err());
        assert!(parse("displayName gt 'a'").is_none());
    }
}
