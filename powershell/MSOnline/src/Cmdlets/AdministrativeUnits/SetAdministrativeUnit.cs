using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolAdministrativeUnit: changes an administrative unit's display name or
    /// description (an empty description clears it).</summary>
    [Cmdlet(VerbsCommon.Set, "MsolAdministrativeUnit", SupportsShouldProcess = true)]
    public class SetAdministrativeUnit : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid ObjectId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Description { get; set; }

        protected override object Target()
        {
            return ObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), ObjectId.ToString(), "Set-MsolAdministrativeUnit");
        }
    }
}
