using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolUser: moves a user to the recycle bin (restorable for 30 days), or with
    /// -RemoveFromRecycleBin deletes it for good. Asks first unless -Force (as MSOnline did) or -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolUser", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RemoveUser : MsolCmdlet
    {
        private const string ByIdSet = "RemoveUser__0";
        private const string ByUpnSet = "RemoveUserByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter RemoveFromRecycleBin { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            string target = Convert.ToString(Target());
            string action = RemoveFromRecycleBin ? "Remove-MsolUser (delete for good)" : "Remove-MsolUser (move to the recycle bin)";
            if (!ShouldProcess(target, action)) return;
            if (!Force && !AskToContinue("Remove user " + target + "?", "removes a user")) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
