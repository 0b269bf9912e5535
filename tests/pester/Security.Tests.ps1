# Another user of the machine decides nothing in the admin's session: the module loads only an
# assembly from a cache that this user alone can write, and sends no secret to a port its own bridge
# no longer holds. Tests that need a second user create and remove it when they run as root, and
# say they were skipped otherwise.
BeforeDiscovery {
    $isUnix = [System.IO.Path]::DirectorySeparatorChar -eq '/'
}

BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $isUnix = [System.IO.Path]::DirectorySeparatorChar -eq '/'
    $pwsh = (Get-Process -Id $PID).Path
    $moduleFolder = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'powershell'

    # Imports the module in a new pwsh with this cache (or none) and answers the loaded assembly's
    # path and every warning, one string each.
    function Import-InNewSession {
        param([string] $Cache, [hashtable] $Environment = @{})
        $script = Join-Path $TestDrive ('import-{0}.ps1' -f [guid]::NewGuid().ToString('n'))
        Set-Content -Path $script -Value @'
$warnings = @(Import-Module MSOnline 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
"ASSEMBLY=" + [Microsoft.Online.Administration.User].Assembly.Location
"FOLDERMODE=" + (Get-Item (Split-Path ([Microsoft.Online.Administration.User].Assembly.Location))).UnixMode
foreach ($warning in $warnings) { "WARNING=" + $warning.Message }
Remove-Module MSOnline
'@
        $variables = @{ MSOL_BRIDGE_MODULE_CACHE = $Cache }
        foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
        $result = Invoke-ScriptInPwsh -Path $script -Environment $variables
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $lines = $result.Output -split [Environment]::NewLine
        [pscustomobject]@{
            Assembly = (@($lines | Where-Object { $_ -like 'ASSEMBLY=*' }) -replace '^ASSEMBLY=', '') | Select-Object -First 1
            Warnings = @($lines | Where-Object { $_ -like 'WARNING=*' }) -replace '^WARNING=', ''
            FolderMode = (@($lines | Where-Object { $_ -like 'FOLDERMODE=*' }) -replace '^FOLDERMODE=', '') | Select-Object -First 1
        }
    }

    # A fresh cache, filled by one import; answers the cache and its compiled assembly.
    function New-FilledCache {
        $cache = Join-Path $TestDrive ('cache-{0}' -f [guid]::NewGuid().ToString('n'))
        $first = Import-InNewSession -Cache $cache
        $first.Warnings | Should -BeNullOrEmpty
        $first.Assembly | Should -BeLike "$cache*"
        [pscustomobject]@{ Root = $cache; Assembly = $first.Assembly; Folder = Split-Path $first.Assembly }
    }

    $otherUser = 'msolplanter'
    $canMakeUsers = $isUnix -and ((& id -u) -eq '0') -and (Get-Command useradd -ErrorAction SilentlyContinue)
}

Describe 'The module cache' {
    It 'is created readable and writable by its owner only' -Skip:(-not $isUnix) {
        $cache = New-FilledCache
        foreach ($folder in @($cache.Root, $cache.Folder)) {
            (Get-Item $folder).UnixMode | Should -Be 'drwx------' -Because $folder
        }
        (Get-Item $cache.Assembly).UnixStat.UserId | Should -Be ([int](& id -u))
    }

    It 'is ignored, with a warning that says why, when others can write its folder' -Skip:(-not $isUnix) {
        $cache = New-FilledCache
        & chmod 777 $cache.Folder
        $second = Import-InNewSession -Cache $cache.Root
        $second.Assembly | Should -Not -Be $cache.Assembly
        $second.Assembly | Should -Not -BeLike "$($cache.Root)*"
        ($second.Warnings -join ' ') | Should -BeLike "*$($cache.Folder)*can be written by other users*"
        $second.FolderMode | Should -Be 'drwx------'
    }

    It 'is ignored when MSOL_BRIDGE_MODULE_CACHE names a folder others can write' -Skip:(-not $isUnix) {
        $shared = Join-Path $TestDrive ('shared-{0}' -f [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $shared
        & chmod 777 $shared
        $result = Import-InNewSession -Cache $shared
        $result.Assembly | Should -Not -BeLike "$shared*"
        ($result.Warnings -join ' ') | Should -BeLike "*$shared*can be written by other users*"
        @(Get-ChildItem -Path $shared -Recurse -Filter '*.dll').Count | Should -Be 0 -Because 'nothing is compiled into it'
    }

    It 'ignores an assembly planted by another user and compiles afresh' {
        if (-not $canMakeUsers) {
            Set-ItResult -Skipped -Because 'creating a second user to own the planted file needs root and useradd'
            return
        }
        $cache = New-FilledCache
        & useradd --system --no-create-home --shell /usr/sbin/nologin $otherUser 2>$null
        try {
            # The planted file is a working copy of the module, so only the owner check can refuse it.
            & chown "${otherUser}:" $cache.Assembly
            $second = Import-InNewSession -Cache $cache.Root
            $second.Assembly | Should -Not -Be $cache.Assembly
            ($second.Warnings -join ' ') | Should -BeLike "*$($cache.Assembly)*belongs to another user*"
            # A folder of the cache owned by another user is refused the same way.
            & chown "${otherUser}:" $cache.Assembly
            & chown "${otherUser}:" $cache.Folder
            $third = Import-InNewSession -Cache $cache.Root
            $third.Assembly | Should -Not -BeLike "$($cache.Root)*"
            ($third.Warnings -join ' ') | Should -BeLike "*$($cache.Folder)*belongs to another user*"
        } finally {
            & userdel $otherUser 2>$null
        }
    }

    It 'falls back to a private folder of its own, never a shared one, when the user has no cache location' -Skip:(-not $isUnix) {
        $result = Import-InNewSession -Cache $null -Environment @{ HOME = $null; XDG_CACHE_HOME = $null; LOCALAPPDATA = $null }
        $result.Warnings | Should -BeNullOrEmpty
        $folder = Split-Path $result.Assembly
        (Split-Path $folder -Leaf) | Should -Match '^msol-bridge-module-[0-9a-f]{32}$'
        $result.FolderMode | Should -Be 'drwx------'
        Test-Path -LiteralPath $folder | Should -BeFalse -Because 'the private folder goes with the session'
    }
}

Describe 'A bridge that is gone' {
    BeforeAll {
        $tenant = New-TestTenant -Kind 'init'
    }

    It 'after kill -9, cmdlets fail at once and a listener on its port receives nothing' -Skip:(-not $isUnix) {
        Connect-MsolService -LocalTenant $tenant
        (Get-MsolCompanyInformation).DisplayName | Should -Not -BeNullOrEmpty
        $ready = [Microsoft.Online.Administration.Automation.BridgeSession]::Ready
        $port = ([uri]$ready.Url).Port
        & kill -9 $ready.Pid
        # Take the port as another user would, as soon as it is free.
        $listener = $null
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        while (-not $listener -and [DateTime]::UtcNow -lt $deadline) {
            try {
                $candidate = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback), $port
                $candidate.Start()
                $listener = $candidate
            } catch { Start-Sleep -Milliseconds 20 }
        }
        $listener | Should -Not -BeNullOrEmpty
        try {
            foreach ($attempt in 1..3) {
                $failure = $null
                try { Set-MsolUserPassword -UserPrincipalName 'admin@contoso.onmicrosoft.com' -NewPassword 'Planted-Capture-1' -ErrorAction Stop } catch { $failure = $_ }
                $failure.FullyQualifiedErrorId | Should -BeLike 'Microsoft.Online.Administration.Automation.BridgeUnavailableException,*'
                $failure.Exception.Message | Should -Match 'msol-bridge process stopped \(exit code [^)]*\).*Run Connect-MsolService again\.$'
            }
            Start-Sleep -Milliseconds 200
            $listener.Pending() | Should -BeFalse -Because 'nothing may connect to the port once the bridge is gone'
        } finally {
            $listener.Stop()
        }
        Connect-MsolService -LocalTenant $tenant
        (Get-MsolCompanyInformation).DisplayName | Should -Not -BeNullOrEmpty
    }

    It 'a process on the port that cannot prove the secret receives neither the bearer nor a body' {
        $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback), 0
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            # The impostor runs in a runspace of its own: it answers the proof request with a wrong
            # proof and records everything it receives, on that connection and any other.
            $impostor = [powershell]::Create()
            $null = $impostor.AddScript({
                param($Listener)
                $accepting = $Listener.AcceptTcpClientAsync()
                if (-not $accepting.Wait(10000)) { return 'NO CONNECTION' }
                $client = $accepting.Result
                $client.ReceiveTimeout = 5000
                $stream = $client.GetStream()
                $received = New-Object System.Text.StringBuilder
                $buffer = New-Object byte[] 4096
                while ($received.ToString() -notmatch "`r`n`r`n") {
                    $read = $stream.Read($buffer, 0, $buffer.Length)
                    if ($read -le 0) { break }
                    $null = $received.Append([System.Text.Encoding]::ASCII.GetString($buffer, 0, $read))
                }
                $answer = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 200 OK`r`nMsol-Bridge-Proof: $('0' * 64)`r`nContent-Length: 2`r`n`r`n{}")
                $stream.Write($answer, 0, $answer.Length)
                Start-Sleep -Milliseconds 500
                while ($client.Available -gt 0) {
                    $read = $stream.Read($buffer, 0, $buffer.Length)
                    $null = $received.Append([System.Text.Encoding]::ASCII.GetString($buffer, 0, $read))
                }
                $client.Close()
                $received.ToString()
            }.ToString()).AddArgument($listener)
            $pending = $impostor.BeginInvoke()
            $stillRunning = [Microsoft.Online.Administration.Automation.BridgeHttp+StoppedCheck] { $null }
            $http = New-Object Microsoft.Online.Administration.Automation.BridgeHttp ([uri]"http://127.0.0.1:$port/v1/"), ('s' * 64), $stillRunning
            $outcomes = foreach ($attempt in 1..2) {
                try {
                    $null = $http.Post('v1/Set-MsolUserPassword', [System.Text.Encoding]::UTF8.GetBytes('{"NewPassword":"Planted-Capture-1"}'), 'Set-MsolUserPassword')
                    'answered'
                } catch { $_.Exception.GetBaseException().Message }
            }
            $received = "$($impostor.EndInvoke($pending))"
            $received | Should -Match '^GET /proof HTTP/1.1'
            $received | Should -Not -Match 'Authorization'
            $received | Should -Not -Match 'Planted-Capture'
            $listener.Pending() | Should -BeFalse -Because 'after a failed proof the client does not connect again'
            @($outcomes).Count | Should -Be 2
            foreach ($outcome in $outcomes) { $outcome | Should -Match 'could not prove that it knows the session''s secret, so nothing was sent to it' }
        } finally {
            $listener.Stop()
        }
    }
}
