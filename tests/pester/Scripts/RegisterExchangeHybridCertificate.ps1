# Registers an on-premises Exchange server's OAuth certificate with Exchange Online's service
# principal, as the hybrid configuration scripts of the MSOnline era did: export the certificate,
# take its raw data as base64, add it as an Asymmetric Verify key, and check that the key is there
# and valid. A second run adds no duplicate.
Connect-MsolService

$exchangeAppId = '00000002-0000-0ff1-ce00-000000000000'

# Stands in for the "Microsoft Exchange Server Auth Certificate" a real server exports to a .cer.
$rsa = [System.Security.Cryptography.RSA]::Create(2048)
$request = New-Object System.Security.Cryptography.X509Certificates.CertificateRequest('CN=Microsoft Exchange Server Auth Certificate', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
$certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddYears(5))
$cerFile = Join-Path ([System.IO.Path]::GetTempPath()) ("oauth-" + [guid]::NewGuid() + ".cer")
[System.IO.File]::WriteAllBytes($cerFile, $certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Cert))

$cer = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2($cerFile)
Remove-Item $cerFile
$binCert = $cer.GetRawCertData()
$credValue = [System.Convert]::ToBase64String($binCert)

$principal = Get-MsolServicePrincipal -AppPrincipalId $exchangeAppId
if (-not $principal) { Write-Error "Exchange Online's service principal was not found"; exit 1 }
Write-Output "Service principal: $($principal.DisplayName) ($($principal.ObjectId))"

$existing = @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeAppId -ReturnKeyValues $true | Where-Object { $_.Value -eq $credValue })
if ($existing.Count -eq 0) {
    New-MsolServicePrincipalCredential -AppPrincipalId $exchangeAppId -Type asymmetric -Usage Verify -Value $credValue
    Write-Output "Certificate $($cer.Thumbprint) registered"
}

$keys = @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeAppId -ReturnKeyValues $true | Where-Object { $_.Value -eq $credValue })
if ($keys.Count -ne 1) { Write-Error "Expected the certificate once, found it $($keys.Count) times"; exit 1 }
$key = $keys[0]
if ($key.Type -ne 'Asymmetric' -or $key.Usage -ne 'Verify') { Write-Error "The key is $($key.Type)/$($key.Usage)"; exit 1 }
if ($key.EndDate -le (Get-Date) -or $key.StartDate -gt (Get-Date).AddMinutes(5)) { Write-Error "The key is not valid now"; exit 1 }
Write-Output "Key $($key.KeyId) is valid until $($key.EndDate)"

# Run again: the certificate is found and not added twice.
$again = @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeAppId -ReturnKeyValues $true | Where-Object { $_.Value -eq $credValue })
if ($again.Count -ne 1) { Write-Error "The certificate was added twice"; exit 1 }
Write-Output "Hybrid OAuth certificate in place"
