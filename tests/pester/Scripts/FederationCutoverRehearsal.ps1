# Rehearses a domain's federation and its move back to cloud authentication the way MSOnline-era
# guides did: federate the domain with the AD FS farm's settings, tune SupportsMfa and prompt=login
# as Microsoft advised, back the settings up to a file, make the domain managed again, and give
# its cloud users temporary passwords, exported for the helpdesk.
Connect-MsolService

$domain = 'contoso.com'
$certificate = 'MIIBCgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic='
Set-MsolDomainAuthentication -DomainName $domain -Authentication Federated -FederationBrandName 'Contoso' `
    -IssuerUri 'http://sts.contoso.com/adfs/services/trust' -PassiveLogOnUri 'https://sts.contoso.com/adfs/ls/' `
    -LogOffUri 'https://sts.contoso.com/adfs/ls/' -ActiveLogOnUri 'https://sts.contoso.com/adfs/services/trust/2005/usernamemixed' `
    -MetadataExchangeUri 'https://sts.contoso.com/adfs/services/trust/mex' -SigningCertificate $certificate -PreferredAuthenticationProtocol WsFed
if ((Get-MsolDomain -DomainName $domain).Authentication -ne 'Federated') { Write-Error "$domain is not federated"; exit 1 }

Set-MsolDomainFederationSettings -DomainName $domain -PreferredAuthenticationProtocol WsFed -SupportsMfa $true -PromptLoginBehavior NativeSupport
$settings = Get-MsolDomainFederationSettings -DomainName $domain
if (-not $settings.SupportsMfa -or $settings.PromptLoginBehavior -ne 'NativeSupport') { Write-Error "The federation settings did not change"; exit 1 }
$backup = Join-Path ([System.IO.Path]::GetTempPath()) ("federation-" + [guid]::NewGuid() + ".txt")
$settings | Format-List * | Out-File -FilePath $backup
if (-not (Select-String -Path $backup -Pattern 'sts.contoso.com/adfs/ls' -Quiet)) { Write-Error "The backup lacks the sign-in address"; exit 1 }
Write-Output "Federation settings of $domain saved to $backup"

Set-MsolDomainAuthentication -DomainName $domain -Authentication Managed
if ((Get-MsolDomain -DomainName $domain).Authentication -ne 'Managed') { Write-Error "$domain is still federated"; exit 1 }

$csv = Join-Path ([System.IO.Path]::GetTempPath()) ("temporary-passwords-" + [guid]::NewGuid() + ".csv")
$converted = Get-MsolUser -DomainName $domain -All | Where-Object { -not $_.LastDirSyncTime -and -not $_.BlockCredential } | Select-Object -First 3 | ForEach-Object {
    New-Object PSObject -Property @{ UserPrincipalName = $_.UserPrincipalName; Password = (Convert-MsolFederatedUser -UserPrincipalName $_.UserPrincipalName) }
}
$converted | Export-Csv -Path $csv -NoTypeInformation
if (@(Import-Csv -Path $csv | Where-Object { $_.Password }).Count -ne 3) { Write-Error "Expected three temporary passwords"; exit 1 }
Write-Output "Temporary passwords for $(@($converted).Count) users are in $csv"
Remove-Item -Path $backup, $csv
