# Tightens what ordinary users may do, as MSOnline-era tenant hardening scripts did: no consent to
# applications, no app registrations or security groups of their own, no self-service sign-ups,
# and a report of the settings before and after.
Connect-MsolService

$before = Get-MsolCompanyInformation
$settings = 'UsersPermissionToUserConsentToAppEnabled', 'UsersPermissionToCreateLOBAppsEnabled', 'UsersPermissionToCreateGroupsEnabled', 'AllowAdHocSubscriptions'
foreach ($name in $settings) { Write-Output ("Before: {0} = {1}" -f $name, $before.$name) }

Set-MsolCompanySettings -UsersPermissionToUserConsentToAppEnabled $false -UsersPermissionToCreateLOBAppsEnabled $false -UsersPermissionToCreateGroupsEnabled $false -AllowAdHocSubscriptions $false

$after = Get-MsolCompanyInformation
foreach ($name in $settings) {
    Write-Output ("After: {0} = {1}" -f $name, $after.$name)
    if ($after.$name -ne $false) { Write-Error "$name is still on"; exit 1 }
}
if ($after.UsersPermissionToReadOtherUsersEnabled -ne $true) { Write-Error "Reading other users must stay on"; exit 1 }
if ($after.SelfServePasswordResetEnabled -ne $before.SelfServePasswordResetEnabled) { Write-Error "A setting that was not given changed"; exit 1 }
Write-Output "User permissions restricted"
