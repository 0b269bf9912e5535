//! Lists in pages: MSOnline's caps (`MaxResults`, 500 users or 250 members by default, `All`)
//! and an opaque page token, so a client can stream page after page.

use std::future::Future;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::directory::{Page, PageRequest};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::requests::ListParams;

pub const DEFAULT_PAGE_SIZE: u32 = 500;

/// One page of a list answer.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub struct ListPage<T> {
    pub value: Vec<T>,
    /// Send it back as `PageToken`, with the same parameters, for the next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
    /// True when the cap (`MaxResults`, or the default cap without `All`) cut the list short.
    pub more_results_available: bool,
    /// How many objects the whole listing is expected to return, for a progress bar: on the first
    /// page of `Get-MsolUser -All` without filters. An estimate (Graph's count may lag a little).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_total: Option<u64>,
}

impl<T> ListPage<T> {
    pub fn one(item: T) -> ListPage<T> {
        ListPage::all(vec![item])
    }

    pub fn all(items: Vec<T>) -> ListPage<T> {
        ListPage {
            value: items,
            next_page_token: None,
            more_results_available: false,
            estimated_total: None,
        }
    }
}

/// How many objects a listing may return in all.
pub struct Limit(Option<u64>);

impl Limit {
    fn new(all: bool, max_results: Option<u32>, default_cap: u32) -> FaultResult<Limit> {
        match (all, max_results) {
            (true, Some(_)) => Err(Fault::invalid(
                "MaxResults",
                "All returns every object; it cannot be used with MaxResults.",
            )),
            (true, None) => Ok(Limit(None)),
            (false, Some(max)) => Ok(Limit(Some(u64::from(max)))),
            (false, None) => Ok(Limit(Some(u64::from(default_cap)))),
        }
    }
}

/// What a page token carries between requests.
#[derive(Serialize, Deserialize)]
struct Token {
    cursor: String,
    remaining: Option<u64>,
}

fn encode(token: &Token) -> String {
    let json = serde_json::to_vec(token).expect("tokens serialize");
    json.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode(text: &str) -> FaultResult<Token> {
    let bad = || {
        Fault::invalid(
            "PageToken",
            "This is not a NextPageToken the bridge gave out; start again without PageToken.",
        )
    };
    if text.len() % 2 != 0 {
        return Err(bad());
    }
    let bytes: Vec<u8> = (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2).unwrap_or("zz"), 16))
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    serde_json::from_slice(&bytes).map_err(|_| bad())
}

/// Fetches the page a request asks for and answers it with the token of the next one.
/// `default_cap` is MSOnline's cap without `All` or `MaxResults`.
pub async fn list<T, F, Fut>(
    params: &ListParams,
    default_cap: u32,
    fetch: F,
) -> FaultResult<ListPage<T>>
where
    F: FnOnce(PageRequest) -> Fut,
    Fut: Future<Output = FaultResult<Page<T>>>,
{
    let limit = Limit::new(params.all, params.max_results, default_cap)?;
    let page_size = params.page_size;
    let (cursor, remaining) = match params.page_token.as_deref() {
        Some(text) => {
            let token = decode(text)?;
            (Some(token.cursor), token.remaining)
        }
        None => (None, limit.0),
    };
    let size = u64::from(page_size.unwrap_or(DEFAULT_PAGE_SIZE)).min(remaining.unwrap_or(u64::MAX));
    if size == 0 {
        return Ok(ListPage::all(Vec::new()));
    }
    let page = fetch(PageRequest {
        cursor,
        size: size as usize,
    })
    .await?;
    let remaining = remaining.map(|r| r - page.items.len() as u64);
    let (next_page_token, more_results_available) = match (page.next_cursor, remaining) {
        (None, _) => (None, false),
        (Some(_), Some(0)) => (None, true),
        (Some(cursor), remaining) => (Some(encode(&Token { cursor, remaining })), false),
    };
    Ok(ListPage {
        value: page.items,
        next_page_token,
        more_results_available,
        estimated_total: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_foreign_ones_are_refused() {
        let token = encode(&Token {
            cursor: "a\u{1f}b".into(),
            remaining: Some(3),
        });
        let back = decode(&token).unwrap();
        assert_eq!(
            (back.cursor.as_str(), back.remaining),
            ("a\u{1f}b", Some(3))
        );
        assert_eq!(decode("xyz").err().unwrap().field(), Some("PageToken"));
    }

    #[test]
    fn all_and_max_results_exclude_each_other() {
        assert!(Limit::new(true, Some(5), 500).is_err());
        assert_eq!(Limit::new(false, None, 250).unwrap().0, Some(250));
    }
}
