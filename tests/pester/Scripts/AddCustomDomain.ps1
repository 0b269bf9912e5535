# Adds the company's vanity domains, as MSOnline-era onboarding scripts did: each domain is added
# unless it is there already, the TXT record to publish is printed for the DNS team, and
# verification is tried, reporting the domains that still wait for their record.
Connect-MsolService

$wanted = @('litware.com', 'mail.contoso.com')
$pending = @()
foreach ($name in $wanted) {
    $domain = Get-MsolDomain -DomainName $name -ErrorAction SilentlyContinue
    if (-not $domain) {
        $domain = New-MsolDomain -Name $name
        Write-Output "Added $($domain.Name) ($($domain.Status))"
    }
    if ($domain.Status -eq 'Verified') {
        Write-Output "$name is verified (root: $($domain.RootDomain))"
        continue
    }
    $record = Get-MsolDomainVerificationDns -DomainName $name -Mode DnsTxtRecord
    Write-Output "Publish at $($record.Label): TXT $($record.Text) (TTL $($record.Ttl))"
    try {
        Confirm-MsolDomain -DomainName $name -ErrorAction Stop
        Write-Output "$name verified"
    } catch [Microsoft.Online.Administration.Automation.DomainVerificationFailedException] {
        $pending += $name
    }
}

if ($pending -notcontains 'litware.com') { Write-Error "litware.com has no published record and cannot be verified yet"; exit 1 }
if ((Get-MsolDomain -DomainName 'mail.contoso.com').Status -ne 'Verified') { Write-Error "A subdomain of contoso.com is verified at once"; exit 1 }
$mx = Get-MsolDomainVerificationDns -DomainName 'litware.com'
if ($mx.Preference -ne 32767 -or $mx.MailExchange -notlike '*.msv1.invalid') { Write-Error "Unexpected MX record $($mx.MailExchange)"; exit 1 }
Write-Output "Waiting for DNS: $($pending -join ', ')"
