using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDirSyncFeature: turns a directory synchronization feature on or off. Asks
    /// first unless -Force (as MSOnline did) or -Confirm:$false; -WhatIf says what it would do.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDirSyncFeature", SupportsShouldProcess = true)]
    public class SetDirSyncFeature : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Feature { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public bool Enable { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object Target()
        {
            return Feature;
        }

        protected override void ProcessOne()
        {
            string action = (Enable ? "Turn on " : "Turn off ") + "the directory synchronization feature " + Feature;
            if (!ShouldProcess("the company", action)) return;
            if (!Force && !AskToContinue(action + "?", (Enable ? "turns on " : "turns off ") + "a synchronization feature")) return;
            Submit<WriteOutcome>(BoundBody("Force"), Feature, outcome => ReportOutcome(Feature, outcome));
        }
    }
}
