using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What Add- and Remove-MsolAdministrativeUnitMember share: the unit, and the member (a
    /// user, group or device) by ObjectId. The member binds from a piped object's
    /// AdministrativeUnitMemberObjectId or, through its alias, ObjectId, so that
    /// Get-MsolUser ... | Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $au.ObjectId works.</summary>
    public abstract class AdministrativeUnitMemberChangeCmdlet : MsolCmdlet
    {
        [Parameter(Mandatory = true)] public Guid AdministrativeUnitObjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ObjectId")]
        public Guid AdministrativeUnitMemberObjectId { get; set; }

        /// <summary>"Add-MsolAdministrativeUnitMember to administrative unit", or Remove-… from.</summary>
        protected abstract string ActionText { get; }

        protected override object Target()
        {
            return AdministrativeUnitMemberObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), AdministrativeUnitMemberObjectId.ToString(), ActionText + " " + AdministrativeUnitObjectId);
        }
    }
}
