//! Set-MsolDirSyncEnabled's rules, once for every backend: what turning directory
//! synchronization on or off does to the company, and when it may not be done.
//!
//! Microsoft documents the switch as a change of the organization's `onPremisesSyncEnabled`
//! (office365/enterprise/turn-off-directory-synchronization, "Turn off directory
//! synchronization"). Turning it off converts every synchronized object to cloud-only, cannot be
//! cancelled, and "you must wait 72 hours before you can turn directory synchronization back on".

use chrono::Duration;

use super::fault::{Fault, FaultResult};
use super::model::CompanyInformation;
use super::time::Timestamp;

/// The documented wait between turning synchronization off and turning it back on.
pub fn reenable_wait() -> Duration {
    Duration::hours(72)
}

/// Whether the switch changes anything, or why it may not be made now. `turned_off_at` is when
/// it was last turned off, where the backend knows it.
pub fn check_switch(
    company: &CompanyInformation,
    enable: bool,
    turned_off_at: Option<Timestamp>,
    now: Timestamp,
) -> FaultResult<bool> {
    if company.directory_synchronization_enabled == enable {
        return Ok(false);
    }
    if enable {
        if let Some(off) = turned_off_at {
            let allowed_from = off.datetime() + reenable_wait();
            if now.datetime() < allowed_from {
                return Err(Fault::DirSyncStatusChangeNotAllowed(format!(
                    "You cannot turn on directory synchronization yet: it was turned off at {off}, and it can be turned back on 72 hours later, from {}.",
                    Timestamp::from_datetime(allowed_from)
                )));
            }
        }
    }
    Ok(true)
}

/// The company after the switch. Turning off completes at once here (Microsoft's can take up
/// to 72 hours, shown as PendingDisabled; a script that polls DirectorySynchronizationEnabled
/// sees the end state either way).
pub fn switched(company: &CompanyInformation, enable: bool) -> CompanyInformation {
    CompanyInformation {
        directory_synchronization_enabled: enable,
        directory_synchronization_status: if enable { "Enabled" } else { "Disabled" }.to_string(),
        ..company.clone()
    }
}

/// What the outcome names as changed.
pub const CHANGED: &str = "DirectorySynchronizationEnabled";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tenant::new_tenant;

    #[test]
    fn turning_back_on_waits_72_hours_after_turning_off() {
        let now = Timestamp::now();
        let company = new_tenant(
            "Contoso",
            "contoso.onmicrosoft.com",
            uuid::Uuid::new_v4(),
            now,
        )
        .unwrap()
        .company;
        assert!(!check_switch(&company, false, None, now).unwrap());
        assert!(check_switch(&company, true, None, now).unwrap());
        let off = Timestamp::from_datetime(now.datetime() - Duration::hours(71));
        let refused = check_switch(&company, true, Some(off), now).unwrap_err();
        assert_eq!(refused.code(), "DirSyncStatusChangeNotAllowedException");
        assert!(refused.to_string().contains("72 hours"), "{refused}");
        let long_ago = Timestamp::from_datetime(now.datetime() - Duration::hours(73));
        assert!(check_switch(&company, true, Some(long_ago), now).unwrap());
        let on = switched(&company, true);
        assert_eq!(on.directory_synchronization_status, "Enabled");
        assert!(!check_switch(&on, true, Some(off), now).unwrap());
    }
}
