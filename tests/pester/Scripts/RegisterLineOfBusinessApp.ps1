# Registers a line-of-business application the MSOnline way: a service principal with its names
# and reply address and a certificate key, then renames it, adds a reply address, and finally
# retires it. Output: what was registered.
Connect-MsolService

$rsa = [System.Security.Cryptography.RSA]::Create(2048)
$request = New-Object System.Security.Cryptography.X509Certificates.CertificateRequest('CN=Contoso Payroll', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
$certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddYears(2))
$credValue = [System.Convert]::ToBase64String($certificate.GetRawCertData())

$addresses = @(New-MsolServicePrincipalAddresses -Address 'https://payroll.contoso.com/signin')
$sp = New-MsolServicePrincipal -ServicePrincipalNames @('Payroll/payroll.contoso.com') -DisplayName 'Contoso Payroll' -Addresses $addresses -Type asymmetric -Value $credValue
Write-Output "Registered $($sp.DisplayName) as $($sp.AppPrincipalId) with $(@($sp.Credentials).Count) credential(s)"

$AppId = (Get-MsolServicePrincipal -ServicePrincipalName 'Payroll').AppPrincipalId
if ($AppId -ne $sp.AppPrincipalId) { Write-Error "Get-MsolServicePrincipal -ServicePrincipalName should find it"; exit 1 }
$a = @()
$a = $a + (Get-MsolServicePrincipal -ServicePrincipalName 'Payroll').Addresses
$a = $a + (New-MsolServicePrincipalAddresses -Value 'https://payroll.contoso.com/api')
Set-MsolServicePrincipal -AppPrincipalId $AppId -DisplayName 'Contoso Payroll (EU)' -ServicePrincipalNames @('Payroll/payroll.contoso.com', 'Payroll/payroll.contoso.eu') -Addresses $a

$check = Get-MsolServicePrincipal -AppPrincipalId $AppId
if ($check.DisplayName -ne 'Contoso Payroll (EU)' -or @($check.Addresses).Count -ne 2 -or @($check.ServicePrincipalNames).Count -ne 3) { Write-Error "The changes did not land: $($check.DisplayName)"; exit 1 }
$keys = @(Get-MsolServicePrincipalCredential -AppPrincipalId $AppId -ReturnKeyValues $false)
if ($keys.Count -ne 1 -or "$($keys[0].Type)" -ne 'Asymmetric') { Write-Error "Expected the certificate key"; exit 1 }
Write-Output "Now $($check.DisplayName): $($check.ServicePrincipalNames -join ', '); replies to $(($check.Addresses | ForEach-Object { $_.Address }) -join ', ')"

Remove-MsolServicePrincipal -ServicePrincipalName 'Payroll/payroll.contoso.eu'
if (Get-MsolServicePrincipal -All | Where-Object { $_.AppPrincipalId -eq $AppId }) { Write-Error "The service principal is still there"; exit 1 }
Write-Output "Retired Contoso Payroll"
