using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolAdministrativeUnit: deletes an administrative unit with its memberships and
    /// scoped role assignments (its members stay). Asks first unless -Force (as MSOnline did) or
    /// -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolAdministrativeUnit", SupportsShouldProcess = true)]
    public class RemoveAdministrativeUnit : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
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
            if (!ShouldProcess(target, "Remove-MsolAdministrativeUnit")) return;
            if (!Force && !AskToContinue("Remove administrative unit " + target + "?", "removes an administrative unit")) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
