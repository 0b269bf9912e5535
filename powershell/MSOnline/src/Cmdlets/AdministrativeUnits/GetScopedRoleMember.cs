using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolScopedRoleMember: the users holding roles over administrative units, over one
    /// unit or every unit, in one role or every role (250 unless -All or -MaxResults). Both filters
    /// are optional, as MSOnline's documentation gives them.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolScopedRoleMember", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(RoleScopedMember))]
    public class GetScopedRoleMember : MsolCmdlet
    {
        private const string ListSet = "ListRoleScopedMembers__0";
        private const string AllSet = "All__0";

        [Parameter] public Guid? AdministrativeUnitObjectId { get; set; }
        [Parameter] public Guid? RoleObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return AdministrativeUnitObjectId;
        }

        protected override void ProcessOne()
        {
            Stream<RoleScopedMember>(BoundBody(), "scoped role members", All.IsPresent);
        }
    }
}
