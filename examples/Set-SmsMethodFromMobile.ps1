<#
.SYNOPSIS
    Pre-populates SMS (default) and voice MFA methods from each licensed user's mobile number.
.DESCRIPTION
    For users who have a mobile phone and no registered method, writes OneWaySMS (default) and
    TwoWayVoiceMobile, so they sign in with their phone instead of registering a new one. Users
    without a mobile phone, or whose number lacks a country code, are reported and left alone.
#>
param(
    [int] $MaxUsers = 0
)

Connect-MsolService

$sms = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationMethod
$sms.MethodType = "OneWaySMS"
$sms.IsDefault = $true
$voice = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationMethod
$voice.MethodType = "TwoWayVoiceMobile"
$voice.IsDefault = $false
$methods = @($sms, $voice)

$users = Get-MsolUser -All | Where-Object { $_.IsLicensed -and $_.UserType -eq "Member" -and $_.StrongAuthenticationMethods.Count -eq 0 }
if ($MaxUsers -gt 0) { $users = $users | Select-Object -First $MaxUsers }

$done = 0; $skipped = 0; $failed = 0
foreach ($user in $users) {
    if (-not $user.MobilePhone) {
        Write-Output "$($user.UserPrincipalName): no mobile phone, skipped"
        $skipped++
        continue
    }
    try {
        Set-MsolUser -UserPrincipalName $user.UserPrincipalName -StrongAuthenticationMethods $methods -ErrorAction Stop
        $done++
    } catch [Microsoft.Online.Administration.Automation.MicrosoftOnlineException] {
        Write-Output "$($user.UserPrincipalName): $($_.Exception.Message)"
        $failed++
    }
}
Write-Output "SMS pre-populated for $done user(s); $skipped without a mobile phone; $failed refused."
