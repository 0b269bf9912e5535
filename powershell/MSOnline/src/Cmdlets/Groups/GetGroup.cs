using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolGroup: one group by ObjectId, or the groups matching the filters (250 unless -All or -MaxResults).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Group))]
    public class GetGroup : MsolCmdlet
    {
        private const string ListSet = "ListGroups__0";
        private const string AllSet = "All__0";
        private const string ByIdSet = "GetGroup__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public Guid? UserObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter IsAgentRole { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public GroupType? GroupType { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter HasErrorsOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public bool? HasLicenseErrorsOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByIdSet ? (object)ObjectId : null;
        }

        protected override void ProcessOne()
        {
            Stream<Group>(BoundBody(), "groups", All.IsPresent);
        }
    }
}
