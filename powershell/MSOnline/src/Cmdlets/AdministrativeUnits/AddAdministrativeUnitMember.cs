using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Add-MsolAdministrativeUnitMember: adds a user, group or device to an administrative unit.</summary>
    [Cmdlet(VerbsCommon.Add, "MsolAdministrativeUnitMember", SupportsShouldProcess = true)]
    public class AddAdministrativeUnitMember : AdministrativeUnitMemberChangeCmdlet
    {
        protected override string ActionText { get { return "Add-MsolAdministrativeUnitMember to administrative unit"; } }
    }
}
