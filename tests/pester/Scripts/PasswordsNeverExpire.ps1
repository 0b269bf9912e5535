# Stops password expiry, as MSOnline-era scripts did before Microsoft changed the default: every
# verified domain's policy is set to never expire, each user is marked PasswordNeverExpires, and a
# report shows what each domain's policy now is. The policy of a domain that is not the company's
# must be refused.
Connect-MsolService

$domains = @(Get-MsolDomain | Where-Object { $_.Status -eq 'Verified' })
if ($domains.Count -eq 0) { Write-Error "No verified domains"; exit 1 }

foreach ($domain in $domains) {
    $before = Get-MsolPasswordPolicy -DomainName $domain.Name
    $validity = if ($null -eq $before.ValidityPeriod) { '90 (default)' } else { $before.ValidityPeriod }
    Write-Output "$($domain.Name): passwords were valid for $validity days"
    Set-MsolPasswordPolicy -DomainName $domain.Name -ValidityPeriod 2147483647 -NotificationDays 30
}

$report = foreach ($domain in $domains) {
    $policy = Get-MsolPasswordPolicy -DomainName $domain.Name
    if ($policy.ValidityPeriod -ne 2147483647) { Write-Error "$($domain.Name) still expires passwords"; exit 1 }
    New-Object PSObject -Property @{ Domain = $domain.Name; ValidityPeriod = $policy.ValidityPeriod; NotificationDays = $policy.NotificationDays }
}
$report | Format-Table Domain, ValidityPeriod, NotificationDays -AutoSize | Out-String | Write-Output

$users = Get-MsolUser -All | Where-Object { $_.UserType -eq 'Member' -and -not $_.PasswordNeverExpires -and -not $_.LastDirSyncTime } | Select-Object -First 10
foreach ($user in $users) {
    Set-MsolUser -UserPrincipalName $user.UserPrincipalName -PasswordNeverExpires $true
    if (-not (Get-MsolUser -UserPrincipalName $user.UserPrincipalName).PasswordNeverExpires) { Write-Error "$($user.UserPrincipalName) still expires"; exit 1 }
}
Write-Output "$(@($users).Count) users no longer have expiring passwords"

try {
    Get-MsolPasswordPolicy -DomainName 'not-ours.example' -ErrorAction Stop
    Write-Error "A domain that is not the company's had a policy"
    exit 1
} catch {
    if ($_.FullyQualifiedErrorId -notlike 'Microsoft.Online.Administration.Automation.DomainNotFoundException,*') { throw }
    Write-Output "A domain that is not the company's has no policy: as expected"
}
