# Objects piped into writing cmdlets go to the bridge in batches: every object is still written,
# each failure is still that object's error, in order, and single calls keep their meaning.
BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tenant = Connect-TestTenant

    function Get-UserWithoutMfa {
        Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.Count -eq 0 -and $_.UserType -eq 'Member' -and -not $_.LastDirSyncTime }
    }
}

Describe 'Objects piped into Set-MsolUser' {
    It 'are all written, and each failure is that object''s error, in the order piped' {
        $users = @(Get-UserWithoutMfa | Select-Object -First 60)
        $users.Count | Should -Be 60
        $piped = @($users[0..19]) + @([pscustomobject]@{ UserPrincipalName = 'nobody.one@contoso.com' }) +
            @($users[20..39]) + @([pscustomobject]@{ UserPrincipalName = 'nobody.two@contoso.com' }) + @($users[40..59])
        $piped | Set-MsolUser -StrongAuthenticationRequirements @(New-Requirement 'Enabled') -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 2
        $failures[0].TargetObject | Should -Be 'nobody.one@contoso.com'
        $failures[1].TargetObject | Should -Be 'nobody.two@contoso.com'
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'Microsoft.Online.Administration.Automation.UserNotFoundException,Microsoft.Online.Administration.Automation.SetUser'
        $failures[0].Exception | Should -BeOfType ([Microsoft.Online.Administration.Automation.MicrosoftOnlineException])
        foreach ($user in $users) {
            (Get-MsolUser -ObjectId $user.ObjectId).StrongAuthenticationRequirements.Count | Should -Be 1 -Because $user.UserPrincipalName
        }
    }
    It 'reports the errors before the pipeline ends, so the next statement sees them' {
        @([pscustomobject]@{ UserPrincipalName = 'nobody.three@contoso.com' }, [pscustomobject]@{ UserPrincipalName = 'nobody.four@contoso.com' }) |
            Set-MsolUser -City 'Oslo' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 2
    }
    It 'writes objects naming the same user in the order piped' {
        $user = (Get-UserWithoutMfa | Select-Object -First 1).UserPrincipalName
        $others = @(Get-UserWithoutMfa | Select-Object -Skip 1 -First 10 | ForEach-Object UserPrincipalName)
        $piped = foreach ($city in 'Bergen', 'Trondheim', 'Tromso') {
            [pscustomobject]@{ UserPrincipalName = $user; City = $city }
            foreach ($other in $others) { [pscustomobject]@{ UserPrincipalName = $other; City = "$city-other" } }
        }
        $piped | Set-MsolUser
        (Get-MsolUser -UserPrincipalName $user).City | Should -Be 'Tromso'
        (Get-MsolUser -UserPrincipalName $others[0]).City | Should -Be 'Tromso-other'
    }
    It 'stops at the first failure with -ErrorAction Stop, writing none of the objects after it' {
        $users = @(Get-UserWithoutMfa | Select-Object -First 6)
        $piped = @($users[0..2]) + @([pscustomobject]@{ UserPrincipalName = 'nobody.five@contoso.com' }) + @($users[3..5])
        $failure = $null
        try { $piped | Set-MsolUser -StrongAuthenticationRequirements @(New-Requirement 'Enabled') -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'Microsoft.Online.Administration.Automation.UserNotFoundException,*'
        foreach ($user in $users[0..2]) { (Get-MsolUser -ObjectId $user.ObjectId).StrongAuthenticationRequirements.Count | Should -Be 1 }
        foreach ($user in $users[3..5]) { (Get-MsolUser -ObjectId $user.ObjectId).StrongAuthenticationRequirements.Count | Should -Be 0 -Because "$($user.UserPrincipalName) came after the failure" }
    }
    It 'stops the same way under $ErrorActionPreference = ''Stop''' {
        $users = @(Get-UserWithoutMfa | Select-Object -First 2)
        $ErrorActionPreference = 'Stop'
        try { @([pscustomobject]@{ UserPrincipalName = 'nobody.six@contoso.com' }) + $users | Set-MsolUser -StrongAuthenticationRequirements @(New-Requirement 'Enabled') } catch { }
        $ErrorActionPreference = 'Continue'
        foreach ($user in $users) { (Get-MsolUser -ObjectId $user.ObjectId).StrongAuthenticationRequirements.Count | Should -Be 0 }
    }
    It 'writes the same with batching turned off (MSOL_BRIDGE_BATCH_WRITES=0)' {
        $users = @(Get-UserWithoutMfa | Select-Object -First 5)
        Set-TestEnvironmentVariable MSOL_BRIDGE_BATCH_WRITES '0'
        try {
            @($users) + @([pscustomobject]@{ UserPrincipalName = 'nobody.seven@contoso.com' }) |
                Set-MsolUser -StrongAuthenticationRequirements @(New-Requirement 'Enabled') -ErrorAction SilentlyContinue -ErrorVariable failures
        } finally {
            Set-TestEnvironmentVariable MSOL_BRIDGE_BATCH_WRITES $null
        }
        $failures.Count | Should -Be 1
        foreach ($user in $users) { (Get-MsolUser -ObjectId $user.ObjectId).StrongAuthenticationRequirements.Count | Should -Be 1 }
    }
    It 'binds each object''s own ObjectId or UserPrincipalName, even when the objects differ in shape' {
        $user = Get-UserWithoutMfa | Select-Object -First 1
        @($user, [pscustomobject]@{ UserPrincipalName = 'nobody.eight@contoso.com' }) |
            Set-MsolUser -Title 'Piped' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -Be 'User Not Found.  User: nobody.eight@contoso.com.'
        (Get-MsolUser -ObjectId $user.ObjectId).Title | Should -Be 'Piped'
    }
}

Describe 'Single calls in a loop' {
    It 'keep their synchronous meaning: each call''s error belongs to that call' {
        $seen = foreach ($name in 'nobody.nine@contoso.com', (Get-UserWithoutMfa | Select-Object -First 1).UserPrincipalName) {
            Set-MsolUser -UserPrincipalName $name -Department 'Loop' -ErrorAction SilentlyContinue
            [pscustomobject]@{ Name = $name; Succeeded = $? }
        }
        $seen[0].Succeeded | Should -BeFalse
        $seen[1].Succeeded | Should -BeTrue
        (Get-MsolUser -UserPrincipalName $seen[1].Name).Department | Should -Be 'Loop'
    }
    It 'written from ForEach-Object each run before the next object arrives' {
        $users = @(Get-UserWithoutMfa | Select-Object -First 3)
        $states = $users | ForEach-Object {
            Set-MsolUser -ObjectId $_.ObjectId -StrongAuthenticationRequirements @(New-Requirement 'Enabled')
            (Get-MsolUser -ObjectId $_.ObjectId).StrongAuthenticationRequirements.State
        }
        $states | Should -BeIn @('Enabled', 'Enforced')
        @($states).Count | Should -Be 3
    }
}

Describe 'Other writing cmdlets fed by a pipeline' {
    It 'New-MsolUser writes each new user, in the order piped' {
        $rows = 1..25 | ForEach-Object { [pscustomobject]@{ UserPrincipalName = ('piped.{0:d2}@contoso.com' -f $_); DisplayName = "Piped $_" } }
        $created = $rows | New-MsolUser
        @($created).Count | Should -Be 25
        @($created | ForEach-Object UserPrincipalName) | Should -Be @($rows | ForEach-Object UserPrincipalName)
        $created[0].Password | Should -Not -BeNullOrEmpty
    }
    It 'Set-MsolUserPassword answers each generated password, in the order piped' {
        $passwords = Get-MsolUser -All | Where-Object UserPrincipalName -like 'piped.*' | Set-MsolUserPassword -ForceChangePassword $true
        @($passwords).Count | Should -Be 25
        @($passwords | Select-Object -Unique).Count | Should -Be 25
    }
    It 'Remove-MsolUser -Force removes every piped user' {
        Get-MsolUser -All | Where-Object UserPrincipalName -like 'piped.*' | Remove-MsolUser -Force
        @(Get-MsolUser -All | Where-Object UserPrincipalName -like 'piped.*').Count | Should -Be 0
        @(Get-MsolUser -ReturnDeletedUsers -All | Where-Object UserPrincipalName -like 'piped.*').Count | Should -Be 25
    }
    It 'Restore-MsolUser restores piped users under their own names in another case, and the pipeline ends' {
        $rows = Get-MsolUser -ReturnDeletedUsers -All | Where-Object UserPrincipalName -like 'piped.*' |
            ForEach-Object {
                $alias, $domain = $_.UserPrincipalName -split '@'
                [pscustomobject]@{ UserPrincipalName = $_.UserPrincipalName; NewUserPrincipalName = "$($alias.ToUpperInvariant())@$domain" }
            }
        @($rows).Count | Should -Be 25
        $rows | Restore-MsolUser
        $restored = @(Get-MsolUser -All | Where-Object UserPrincipalName -like 'piped.*')
        $restored.Count | Should -Be 25
        @($restored | Where-Object { $_.UserPrincipalName -cnotlike 'PIPED.*' }).Count | Should -Be 0
    }
    It 'Set-MsolUserPrincipalName fixes only the case of piped UPNs, as a CSV-driven rename does, and the pipeline ends' {
        $csv = Join-Path $TestDrive 'renames.csv'
        Get-MsolUser -All | Where-Object UserPrincipalName -like 'piped.*' |
            Select-Object UserPrincipalName, @{ Name = 'NewUserPrincipalName'; Expression = { $_.UserPrincipalName.ToLowerInvariant() } } |
            Export-Csv -Path $csv -NoTypeInformation
        Import-Csv -Path $csv | Set-MsolUserPrincipalName
        $renamed = @(Get-MsolUser -All | Where-Object UserPrincipalName -like 'piped.*')
        $renamed.Count | Should -Be 25
        @($renamed | Where-Object { $_.UserPrincipalName -cne $_.UserPrincipalName.ToLowerInvariant() }).Count | Should -Be 0
    }
}

Describe 'Long piped runs against Microsoft Graph (the simulator, 1 s round trips)' {
    BeforeAll {
        $simulator = Start-TestGraphSimulator -Tenant (New-TestTenant) -Arguments @('--latency-ms', '1000')
        $script = Join-Path $TestDrive 'enable-mfa.ps1'
        Set-Content -Path $script -Value @'
Import-Module MSOnline
Connect-MsolService -WarningAction SilentlyContinue
$requirement = New-Object Microsoft.Online.Administration.StrongAuthenticationRequirement
$requirement.RelyingParty = '*'
$requirement.State = 'Enabled'
$users = @(Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.Count -eq 0 -and $_.UserType -eq 'Member' -and -not $_.LastDirSyncTime })
"TODO $($users.Count)"
$users | Set-MsolUser -StrongAuthenticationRequirements $requirement
'FINISHED'
'@
        foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $simulator.Environment[$name] }
        Connect-MsolService -WarningAction SilentlyContinue
    }
    AfterAll {
        foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $null }
        $simulator.Process.Kill()
    }
    It 'show progress with counts, rate and time left' {
        $users = @(Get-MsolUser -All | Where-Object { $_.UserType -eq 'Member' -and -not $_.LastDirSyncTime } | Select-Object -First 120)
        $run = [powershell]::Create()
        $null = $run.AddScript({ param($users) $users | Set-MsolUser -Office 'Progress test' }).AddArgument($users)
        $null = $run.Invoke()
        $run.Streams.Error.Count | Should -Be 0 -Because ($run.Streams.Error | Out-String)
        $shown = @($run.Streams.Progress | Where-Object RecordType -eq 'Processing')
        $shown.Count | Should -BeGreaterThan 0
        $shown[-1].Activity | Should -Be 'Set-MsolUser'
        $shown[-1].StatusDescription | Should -Match '^\d+ of \d+ objects written so far \(\d+\.\d per second\)$'
        $shown[-1].SecondsRemaining | Should -BeGreaterOrEqual 0
        $run.Dispose()
        (Get-MsolUser -UserPrincipalName $users[-1].UserPrincipalName).Office | Should -Be 'Progress test'
    }
    It 'stop on Ctrl+C with every write known: started ones finish, none after, and a summary says which' -Skip:($IsWindows -or -not (Get-Command kill -CommandType Application -ErrorAction SilentlyContinue)) {
        $before = @(Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.Count -gt 0 }).Count
        $start = New-Object System.Diagnostics.ProcessStartInfo (Get-Process -Id $PID).Path
        foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $script) { $start.ArgumentList.Add($argument) }
        foreach ($name in $simulator.Environment.Keys) { $start.Environment[$name] = $simulator.Environment[$name] }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $child = [System.Diagnostics.Process]::Start($start)
        $errors = $child.StandardError.ReadToEndAsync()
        $lines = [System.Collections.Generic.List[string]]::new()
        while ($null -ne ($line = $child.StandardOutput.ReadLine())) {
            $lines.Add($line)
            # Some writes are under way once the list is read: interrupt as Ctrl+C does, two round
            # trips in, so that some have landed and, even on a busy machine, not all.
            if ($line -like 'TODO *') { Start-Sleep -Seconds 2; & kill -INT $child.Id }
        }
        $child.WaitForExit()
        $output = ($lines -join "`n") + "`n" + $errors.Result
        $output | Should -Not -Match 'FINISHED' -Because 'the run was stopped'
        $output | Should -Match 'Set-MsolUser was stopped\. Of (\d+) object\(s\): (\d+) written, 0 failed, (\d+) not written \(never started, unchanged\)\.'
        $null = $output -match 'Of (\d+) object\(s\): (\d+) written, 0 failed, (\d+) not written'
        [int] $submitted, [int] $written, [int] $notWritten = $Matches[1], $Matches[2], $Matches[3]
        $written | Should -BeGreaterThan 0
        $notWritten | Should -BeGreaterThan 0
        ($written + $notWritten) | Should -Be $submitted
        $after = @(Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.Count -gt 0 }).Count
        $after | Should -Be ($before + $written) -Because 'exactly the objects reported written were changed'
    }
}
