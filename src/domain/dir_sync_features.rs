//! Directory synchronization's features and accidental-deletion guard (Get- and
//! Set-MsolDirSyncFeature(s), Get- and Set-MsolDirSyncConfiguration), once for every backend.
//!
//! Graph keeps both in one `onPremisesDirectorySynchronization` object
//! (graph/api/resources/onpremisesdirectorysynchronizationfeature: one `<featureName>Enabled` flag
//! per feature; onpremisesaccidentaldeletionprevention for the guard).

use super::fault::{Fault, FaultResult};
use super::model::{
    DeletionPreventionType, DirSyncConfiguration, DirSyncFeature, DirSyncFeatureStatus,
    DirSyncSettings,
};

/// Every feature with Graph's flag for it. MSOnline's names are its documentation's; the flag for
/// EnforceCloudPasswordPolicyForPasswordSyncedUsers, and the two resiliency features' flags
/// (quarantine upon conflict), are UNCONFIRMED pairings by meaning.
pub const FEATURES: &[(DirSyncFeature, &str)] = &[
    (
        DirSyncFeature::BlockCloudObjectTakeoverThroughHardMatch,
        "blockCloudObjectTakeoverThroughHardMatchEnabled",
    ),
    (DirSyncFeature::BlockSoftMatch, "blockSoftMatchEnabled"),
    (DirSyncFeature::DeviceWriteback, "deviceWritebackEnabled"),
    (
        DirSyncFeature::DirectoryExtensions,
        "directoryExtensionsEnabled",
    ),
    (
        DirSyncFeature::DuplicateProxyAddressResiliency,
        "quarantineUponProxyAddressesConflictEnabled",
    ),
    (
        DirSyncFeature::DuplicateUpnResiliency,
        "quarantineUponUpnConflictEnabled",
    ),
    (
        DirSyncFeature::EnableSoftMatchOnUpn,
        "softMatchOnUpnEnabled",
    ),
    (
        DirSyncFeature::EnforceCloudPasswordPolicyForPasswordSyncedUsers,
        "cloudPasswordPolicyForPasswordSyncedUsersEnabled",
    ),
    (DirSyncFeature::PasswordSync, "passwordSyncEnabled"),
    (
        DirSyncFeature::SynchronizeUpnForManagedUsers,
        "synchronizeUpnForManagedUsersEnabled",
    ),
    (
        DirSyncFeature::UnifiedGroupWriteback,
        "unifiedGroupWritebackEnabled",
    ),
    (DirSyncFeature::UserWriteback, "userWritebackEnabled"),
];

/// The features Set-MsolDirSyncFeature's documentation lists (and the cloud password policy one
/// of Microsoft's password hash synchronization guide); the others are set by Microsoft Entra
/// Connect or by Microsoft.
const SETTABLE: &[DirSyncFeature] = &[
    DirSyncFeature::BlockCloudObjectTakeoverThroughHardMatch,
    DirSyncFeature::BlockSoftMatch,
    DirSyncFeature::EnableSoftMatchOnUpn,
    DirSyncFeature::EnforceCloudPasswordPolicyForPasswordSyncedUsers,
    DirSyncFeature::PasswordSync,
    DirSyncFeature::SynchronizeUpnForManagedUsers,
];

/// "Once this feature is enabled, it can't be disabled" (Set-MsolDirSyncFeature's documentation).
const PERMANENT: &[DirSyncFeature] = &[
    DirSyncFeature::EnableSoftMatchOnUpn,
    DirSyncFeature::SynchronizeUpnForManagedUsers,
];

pub fn name(feature: DirSyncFeature) -> String {
    serde_json::to_value(feature)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn names(features: impl IntoIterator<Item = DirSyncFeature>) -> String {
    features
        .into_iter()
        .map(name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Graph's flag for a feature.
pub fn graph_flag(feature: DirSyncFeature) -> &'static str {
    FEATURES
        .iter()
        .find(|(f, _)| *f == feature)
        .map(|(_, flag)| *flag)
        .unwrap_or_default()
}

/// The feature a `-Feature` names, in any case.
pub fn feature_named(text: &str) -> FaultResult<DirSyncFeature> {
    FEATURES
        .iter()
        .map(|(f, _)| *f)
        .find(|f| name(*f).eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            Fault::invalid(
                "Feature",
                format!(
                    "{text} is not a directory synchronization feature. Allowed values: {}.",
                    names(FEATURES.iter().map(|(f, _)| *f))
                ),
            )
        })
}

/// A new tenant's settings: the duplicate-attribute resiliency features are on for every tenant,
/// and the deletion guard stops an export of more than 500 deletions (Microsoft Entra Connect's
/// default threshold).
pub fn defaults() -> DirSyncSettings {
    DirSyncSettings {
        features: FEATURES
            .iter()
            .map(|(feature, _)| DirSyncFeatureStatus {
                dir_sync_feature: *feature,
                enabled: matches!(
                    feature,
                    DirSyncFeature::DuplicateProxyAddressResiliency
                        | DirSyncFeature::DuplicateUpnResiliency
                ),
            })
            .collect(),
        configuration: DirSyncConfiguration {
            accidental_deletion_threshold: 500,
            deletion_prevention_type: DeletionPreventionType::EnabledForCount,
        },
    }
}

/// Whether a feature is on in `settings` (a feature it does not list is off).
pub fn enabled(settings: &DirSyncSettings, feature: DirSyncFeature) -> bool {
    settings
        .features
        .iter()
        .any(|s| s.dir_sync_feature == feature && s.enabled)
}

/// Whether Set-MsolDirSyncFeature may switch `feature` to `enable`, and whether that changes
/// anything (`false`: it already is so).
pub fn check_feature_change(
    settings: &DirSyncSettings,
    feature: DirSyncFeature,
    enable: bool,
) -> FaultResult<bool> {
    if !SETTABLE.contains(&feature) {
        return Err(Fault::invalid(
            "Feature",
            format!(
                "{} is set by Microsoft Entra Connect or by Microsoft, not by Set-MsolDirSyncFeature. Allowed values: {}.",
                name(feature),
                names(SETTABLE.iter().copied())
            ),
        ));
    }
    let now = enabled(settings, feature);
    if now && !enable && PERMANENT.contains(&feature) {
        return Err(Fault::invalid(
            "Enable",
            format!("{} cannot be disabled once it is enabled.", name(feature)),
        ));
    }
    Ok(now != enable)
}

/// Every feature once, in name order, with its state in `settings`.
pub fn statuses(settings: &DirSyncSettings) -> Vec<DirSyncFeatureStatus> {
    FEATURES
        .iter()
        .map(|(f, _)| DirSyncFeatureStatus {
            dir_sync_feature: *f,
            enabled: enabled(settings, *f),
        })
        .collect()
}

/// The settings with `feature` switched to `enable`, every feature listed once in name order.
pub fn with_feature(
    settings: &DirSyncSettings,
    feature: DirSyncFeature,
    enable: bool,
) -> DirSyncSettings {
    let mut features = statuses(settings);
    for status in &mut features {
        if status.dir_sync_feature == feature {
            status.enabled = enable;
        }
    }
    DirSyncSettings {
        features,
        configuration: settings.configuration,
    }
}

/// Set-MsolDirSyncConfiguration's new guard: a count threshold; `None` when it already is.
pub fn with_threshold(
    configuration: DirSyncConfiguration,
    threshold: u32,
) -> Option<DirSyncConfiguration> {
    let wanted = DirSyncConfiguration {
        accidental_deletion_threshold: threshold,
        deletion_prevention_type: DeletionPreventionType::EnabledForCount,
    };
    (wanted != configuration).then_some(wanted)
}

/// Graph's `synchronizationPreventionType` value.
pub fn graph_prevention_type(kind: DeletionPreventionType) -> &'static str {
    match kind {
        DeletionPreventionType::Disabled => "disabled",
        DeletionPreventionType::EnabledForCount => "enabledForCount",
        DeletionPreventionType::EnabledForPercentage => "enabledForPercentage",
    }
}

/// The prevention type of Graph's `synchronizationPreventionType`.
pub fn prevention_type_of(graph: &str) -> Option<DeletionPreventionType> {
    [
        DeletionPreventionType::Disabled,
        DeletionPreventionType::EnabledForCount,
        DeletionPreventionType::EnabledForPercentage,
    ]
    .into_iter()
    .find(|k| graph_prevention_type(*k).eq_ignore_ascii_case(graph))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_named_in_any_case_and_unknown_ones_list_the_allowed() {
        assert_eq!(
            feature_named("passwordsync").unwrap(),
            DirSyncFeature::PasswordSync
        );
        assert_eq!(
            feature_named("DuplicateUPNResiliency").unwrap(),
            DirSyncFeature::DuplicateUpnResiliency
        );
        let refused = feature_named("Teleport").unwrap_err().to_string();
        assert!(
            refused.contains("Allowed values: BlockCloudObjectTakeoverThroughHardMatch"),
            "{refused}"
        );
    }

    #[test]
    fn permanent_features_stay_on_and_others_are_not_settable() {
        let on = with_feature(&defaults(), DirSyncFeature::EnableSoftMatchOnUpn, true);
        assert!(enabled(&on, DirSyncFeature::EnableSoftMatchOnUpn));
        let refused =
            check_feature_change(&on, DirSyncFeature::EnableSoftMatchOnUpn, false).unwrap_err();
        assert!(
            refused.to_string().contains("cannot be disabled"),
            "{refused}"
        );
        assert!(!check_feature_change(&on, DirSyncFeature::EnableSoftMatchOnUpn, true).unwrap());
        assert!(check_feature_change(&on, DirSyncFeature::BlockSoftMatch, true).unwrap());
        let refused = check_feature_change(&on, DirSyncFeature::DeviceWriteback, true).unwrap_err();
        assert!(
            refused.to_string().contains(
                "Allowed values: BlockCloudObjectTakeoverThroughHardMatch, BlockSoftMatch"
            ),
            "{refused}"
        );
    }

    #[test]
    fn a_threshold_is_a_count_and_only_a_real_change_is_one() {
        let guard = defaults().configuration;
        assert_eq!(with_threshold(guard, 500), None);
        let changed = with_threshold(guard, 50).unwrap();
        assert_eq!(changed.accidental_deletion_threshold, 50);
        let percent = DirSyncConfiguration {
            accidental_deletion_threshold: 50,
            deletion_prevention_type: DeletionPreventionType::EnabledForPercentage,
        };
        assert_eq!(with_threshold(percent, 50), Some(changed));
        assert_eq!(
            prevention_type_of("ENABLEDFORCOUNT"),
            Some(DeletionPreventionType::EnabledForCount)
        );
    }

    #[test]
    fn every_feature_has_one_flag() {
        assert_eq!(FEATURES.len(), 12);
        let flags: std::collections::HashSet<_> = FEATURES.iter().map(|(_, f)| f).collect();
        assert_eq!(flags.len(), FEATURES.len());
        assert_eq!(defaults().features.len(), FEATURES.len());
    }
}
