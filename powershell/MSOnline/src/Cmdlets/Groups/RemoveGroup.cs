using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolGroup: deletes a security group for good (security groups have no recycle
    /// bin). Asks first unless -Force (as MSOnline did) or -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolGroup", SupportsShouldProcess = true)]
    public class RemoveGroup : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(GroupObjectIdCompleter))]
        public Guid ObjectId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object Target()
        {
            return ObjectId;
        }

        protected override void ProcessOne()
        {
            string target = ObjectId.ToString();
            if (!ShouldProcess(target, "Remove-MsolGroup (delete for good)")) return;
            if (!Force && !AskToContinue("Remove group " + target + "?", "removes a group")) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
