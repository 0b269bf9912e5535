using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDirSyncConfiguration: sets the accidental deletion threshold, the number of
    /// deletions in one export that stops it. Asks first unless -Force (as MSOnline did) or
    /// -Confirm:$false; -WhatIf says what it would do.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDirSyncConfiguration", SupportsShouldProcess = true)]
    public class SetDirSyncConfiguration : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public uint AccidentalDeletionThreshold { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessOne()
        {
            const string target = "the company";
            string action = "Set the accidental deletion threshold to " + AccidentalDeletionThreshold + " deletions";
            if (!ShouldProcess(target, action)) return;
            if (!Force && !AskToContinue(action + "?", "changes the accidental deletion threshold")) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
