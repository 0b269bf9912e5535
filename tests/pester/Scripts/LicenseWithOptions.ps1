# Licenses new starters with E3 but without Teams and Skype for Business, then turns Skype back on
# for one of them, as MSOnline-era licensing scripts did with New-MsolLicenseOptions.
Connect-MsolService

$sku = Get-MsolAccountSku | Where-Object { $_.SkuPartNumber -eq "ENTERPRISEPACK" }
$free = $sku.ActiveUnits - $sku.ConsumedUnits
if ($free -lt 2) { Write-Error "not enough free E3 units: $free"; exit 1 }
$options = New-MsolLicenseOptions -AccountSkuId $sku.AccountSkuId -DisabledPlans "TEAMS1", "MCOSTANDARD"

$starters = Get-MsolUser -All -UnlicensedUsersOnly | Select-Object -First 2
foreach ($user in $starters) {
    if (-not $user.UsageLocation) { Set-MsolUser -UserPrincipalName $user.UserPrincipalName -UsageLocation "US" }
    Set-MsolUserLicense -UserPrincipalName $user.UserPrincipalName -AddLicenses $sku.AccountSkuId -LicenseOptions $options
    $license = (Get-MsolUser -UserPrincipalName $user.UserPrincipalName).Licenses | Where-Object { $_.AccountSkuId -eq $sku.AccountSkuId }
    $disabled = @($license.ServiceStatus | Where-Object { $_.ProvisioningStatus -eq "Disabled" } | ForEach-Object { $_.ServicePlan.ServiceName })
    if (($disabled | Sort-Object) -join "," -ne "MCOSTANDARD,TEAMS1") { Write-Error "$($user.UserPrincipalName): disabled $($disabled -join ',')"; exit 1 }
}

# Skype back on for the first starter: the same licence with fewer disabled plans.
$first = $starters[0].UserPrincipalName
Set-MsolUserLicense -UserPrincipalName $first -LicenseOptions (New-MsolLicenseOptions -AccountSkuId $sku.AccountSkuId -DisabledPlans "TEAMS1")
$license = (Get-MsolUser -UserPrincipalName $first).Licenses | Where-Object { $_.AccountSkuId -eq $sku.AccountSkuId }
$skype = $license.ServiceStatus | Where-Object { $_.ServicePlan.ServiceName -eq "MCOSTANDARD" }
if ($skype.ProvisioningStatus -eq "Disabled") { Write-Error "Skype is still off for $first"; exit 1 }

# A misspelt plan stops before any user is touched.
try {
    New-MsolLicenseOptions -AccountSkuId $sku.AccountSkuId -DisabledPlans "TEAMS" -ErrorAction Stop | Out-Null
    Write-Error "a misspelt plan was accepted"; exit 1
} catch [Microsoft.Online.Administration.Automation.MicrosoftOnlineException] {
    Write-Output "refused as expected: TEAMS is not a plan of $($sku.AccountSkuId)"
}
Write-Output "licensed $(@($starters).Count) starter(s) without Teams"
