# Moves a company to cloud-only identities, as MSOnline-era decommissioning scripts did: lists the
# users synchronized from Active Directory, turns directory synchronization off, waits until the
# company reports it off, checks that nobody is synchronized any more, then edits the former
# synchronized users in the cloud. Turning synchronization straight back on must be refused.
Connect-MsolService

$company = Get-MsolCompanyInformation
if (-not $company.DirectorySynchronizationEnabled) { Write-Error "Directory synchronization is already off for $($company.DisplayName)"; exit 1 }

$synced = @(Get-MsolUser -All -Synchronized)
if ($synced.Count -eq 0) { Write-Error "No synchronized users to convert"; exit 1 }
Write-Output "$($synced.Count) users are synchronized from on-premises Active Directory"
$synced | Select-Object UserPrincipalName, ImmutableId, LastDirSyncTime | Format-Table -AutoSize | Out-String | Write-Output

Set-MsolDirSyncEnabled -EnableDirSync $false -Force

# Deactivation can take a while: poll the company until it says synchronization is off.
$deadline = (Get-Date).AddMinutes(2)
while ((Get-MsolCompanyInformation).DirectorySynchronizationEnabled) {
    if ((Get-Date) -gt $deadline) { Write-Error "Directory synchronization is still on"; exit 1 }
    Start-Sleep -Seconds 5
}
Write-Output "Directory synchronization status: $((Get-MsolCompanyInformation).DirectorySynchronizationStatus)"

$still = @(Get-MsolUser -All -Synchronized)
if ($still.Count -ne 0) { Write-Error "$($still.Count) users are still synchronized"; exit 1 }

# Cloud-only now: the properties Active Directory used to own can be changed here.
foreach ($user in $synced | Where-Object { $_.UserType -eq 'Member' } | Select-Object -First 5) {
    Set-MsolUser -UserPrincipalName $user.UserPrincipalName -Department "Cloud only"
    if ((Get-MsolUser -UserPrincipalName $user.UserPrincipalName).Department -ne "Cloud only") { Write-Error "$($user.UserPrincipalName) was not changed"; exit 1 }
}

# Microsoft asks for 72 hours before synchronization is turned back on.
try {
    Set-MsolDirSyncEnabled -EnableDirSync $true -Force -ErrorAction Stop
    Write-Error "Directory synchronization was turned back on at once"
    exit 1
} catch {
    if ($_.FullyQualifiedErrorId -notlike 'Microsoft.Online.Administration.Automation.DirSyncStatusChangeNotAllowedException,*') { throw }
    Write-Output "Turning synchronization back on waits: as expected"
}
