using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDirSyncEnabled: turns directory synchronization on or off for the company.
    /// Asks first unless -Force (as MSOnline did) or -Confirm:$false; -WhatIf says what it would do.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDirSyncEnabled", SupportsShouldProcess = true)]
    public class SetDirSyncEnabled : MsolCmdlet
    {
        [Parameter(Mandatory = true)]
        public bool EnableDirSync { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessOne()
        {
            const string target = "the company";
            string action = EnableDirSync
                ? "Turn on directory synchronization"
                : "Turn off directory synchronization (synchronized users and groups become cloud-only; it can be turned back on 72 hours later)";
            if (!ShouldProcess(target, action)) return;
            string question = EnableDirSync
                ? "Turn on directory synchronization for the company?"
                : "Turn off directory synchronization for the company? Synchronized users and groups become cloud-only, and synchronization can be turned back on only 72 hours later.";
            string change = EnableDirSync ? "turns on directory synchronization" : "turns off directory synchronization";
            if (!Force && !AskToContinue(question, change)) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
