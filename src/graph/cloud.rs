//! Where Microsoft Graph and its sign-in live for each cloud (reference/graph.md section 8).

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// The token authority, without a trailing slash (`https://login.microsoftonline.com`).
    pub login: String,
    /// The Graph root, without a trailing slash (`https://graph.microsoft.com`).
    pub graph: String,
}

/// `Connect-MsolService -AzureEnvironment` values, mapped to Graph's national clouds.
pub const ENVIRONMENTS: &[&str] = &[
    "AzureCloud",
    "AzureChinaCloud",
    "USGovernment",
    "USGovernmentDoD",
];

pub fn endpoints(environment: &str) -> Result<Endpoints, String> {
    let (login, graph) = match environment.to_ascii_lowercase().as_str() {
        "" | "azurecloud" | "global" => ("https://login.microsoftonline.com", "https://graph.microsoft.com"),
        "azurechinacloud" | "china" => ("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn"),
        "usgovernment" | "usgov" => ("https://login.microsoftonline.us", "https://graph.microsoft.us"),
        "usgovernmentdod" | "usgovdod" => ("https://login.microsoftonline.us", "https://dod-graph.microsoft.us"),
        "azuregermanycloud" => {
            return Err("AzureGermanyCloud closed on 29 October 2021; its tenants moved to AzureCloud: connect with -AzureEnvironment AzureCloud".to_string())
        }
        other => {
            return Err(format!("'{other}' is not an Azure environment; use one of {}", ENVIRONMENTS.join(", ")))
        }
    };
    Ok(Endpoints {
        login: login.to_string(),
        graph: graph.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_clouds_map_and_germany_is_refused() {
        assert_eq!(
            endpoints("USGovernment").unwrap().graph,
            "https://graph.microsoft.us"
        );
        assert_eq!(
            endpoints("AzureChinaCloud").unwrap().login,
            "https://login.chinacloudapi.cn"
        );
        assert!(endpoints("AzureGermanyCloud")
            .unwrap_err()
            .contains("closed"));
        assert!(endpoints("Mars")
            .unwrap_err()
            .contains("AzureCloud, AzureChinaCloud"));
    }
}
