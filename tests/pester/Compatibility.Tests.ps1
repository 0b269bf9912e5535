# Windows PowerShell 5.1 runs the same module and scripts: no PowerShell-7-only syntax anywhere we ship.
BeforeDiscovery {
    $root = Split-Path (Split-Path $PSScriptRoot)
    $scripts = foreach ($folder in 'powershell', 'tests/pester', 'tests/package', 'examples', 'src', 'benches') {
        $path = Join-Path $root $folder
        if (Test-Path $path) {
            Get-ChildItem -Path $path -Recurse -Include '*.ps1', '*.psm1', '*.psd1' | ForEach-Object { @{ Path = $_.FullName; Name = $_.FullName.Substring($root.Length + 1) } }
        }
    }
}

BeforeAll {
    # Each finder returns the PowerShell-7-only constructs of one kind in a syntax tree.
    $finders = @{
        'ternary operator (a ? b : c)'     = { param($ast) $ast.GetType().Name -eq 'TernaryExpressionAst' }
        'pipeline chain (&& or ||)'        = { param($ast) $ast.GetType().Name -eq 'PipelineChainAst' }
        'null-coalescing (?? or ??=)'      = { param($ast)
            ($ast -is [System.Management.Automation.Language.BinaryExpressionAst] -and $ast.Operator -eq 'QuestionQuestion') -or
            ($ast -is [System.Management.Automation.Language.AssignmentStatementAst] -and $ast.Operator -eq 'QuestionQuestionEquals') }
        'null-conditional member (?. ?[])' = { param($ast)
            ($ast -is [System.Management.Automation.Language.MemberExpressionAst] -and $ast.NullConditional) -or
            ($ast -is [System.Management.Automation.Language.IndexExpressionAst] -and $ast.NullConditional) }
        'ForEach-Object -Parallel'         = { param($ast)
            $ast -is [System.Management.Automation.Language.CommandAst] -and
            $ast.GetCommandName() -in @('ForEach-Object', '%', 'foreach') -and
            @($ast.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and 'Parallel' -like "$($_.ParameterName)*" -and $_.ParameterName.Length -ge 2 }).Count -gt 0 }
        'clean block'                      = { param($ast) $ast -is [System.Management.Automation.Language.ScriptBlockAst] -and $null -ne $ast.PSObject.Properties['CleanBlock'] -and $null -ne $ast.CleanBlock }
    }
    function Find-Ps7Syntax([string] $source) {
        $tokens = $null; $errors = $null
        $tree = [System.Management.Automation.Language.Parser]::ParseInput($source, [ref]$tokens, [ref]$errors)
        foreach ($kind in $finders.Keys) {
            $finder = $finders[$kind]
            foreach ($found in $tree.FindAll({ param($node) & $finder $node }, $true)) { "$kind at line $($found.Extent.StartLineNumber)" }
        }
    }
}

Describe 'The PowerShell 7 syntax finder' {
    It 'finds <Kind>' -ForEach @(
        @{ Kind = 'ternary'; Source = '$a = $b ? 1 : 2' }
        @{ Kind = 'chain'; Source = 'Get-Item x && Get-Item y' }
        @{ Kind = 'coalescing'; Source = '$a = $b ?? 3' }
        @{ Kind = 'coalescing assignment'; Source = '$a ??= 3' }
        @{ Kind = 'null-conditional'; Source = '${a}?.Name' }
        @{ Kind = 'parallel'; Source = '1..3 | ForEach-Object -Parallel { $_ }' }
    ) {
        @(Find-Ps7Syntax $Source).Count | Should -BeGreaterThan 0
    }
    It 'passes Windows PowerShell syntax' {
        @(Find-Ps7Syntax 'if ($a) { 1 } else { 2 }; $b = @(Get-Item x) | ForEach-Object { $_ }').Count | Should -Be 0
    }
}

Describe 'Shipped scripts' {
    It '<Name> parses without errors and without PowerShell-7-only syntax' -ForEach $scripts {
        $tokens = $null; $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors) | Out-Null
        $errors | Should -BeNullOrEmpty
        @(Find-Ps7Syntax (Get-Content -LiteralPath $Path -Raw)) | Should -BeNullOrEmpty
    }
}
